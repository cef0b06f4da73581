import { Migration } from '@mikro-orm/migrations';

/** Village exit readiness. */
export class Migration20261123050000_village_exit extends Migration {
  override async up(): Promise<void> {}
}
