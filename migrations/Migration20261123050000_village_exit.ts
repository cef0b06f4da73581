import { Migration } from '@mikro-orm/migrations';

/**
 * Village exit readiness 一低五有: the denominator of poverty incidence 贫困发生率, the village's
 * agricultural registered population 农业户籍人口. Unknown (null) until recorded; incidence is
 * then UNKNOWN, never computed against a guess.
 */
export class Migration20261123050000_village_exit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table region add column agricultural_population integer check (agricultural_population > 0);`);
    this.addSql(`comment on column region.agricultural_population is '农业户籍人口 agricultural registered population; the denominator of poverty incidence';`);
  }
}
