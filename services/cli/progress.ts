/** A one-line progress bar on stderr (redrawn at most ten times a second). */
export function progressBar(label: string, total: number) {
  let count = 0;
  let drawn = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - drawn < 100) return;
    drawn = now;
    const share = total > 0 ? Math.min(1, count / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${count}/${total}`);
  };
  return {
    add(n: number) {
      count += n;
      draw();
    },
    count: () => count,
    done() {
      count = Math.max(count, total);
      draw(true);
      process.stderr.write('\n');
    },
  };
}
