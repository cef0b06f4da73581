/**
 * Counts SQL statements sent to the database. Tests read it around one request to prove that
 * round-trips do not grow with the rows returned; /metrics exports it as a counter.
 */
export class SqlCounter {
  private count = 0;

  record(): void {
    this.count += 1;
  }

  get total(): number {
    return this.count;
  }
}
