import { Migration } from '@mikro-orm/migrations';

/** Policy parameters (the helper fills this in). */
export class Migration20261123030000_policy_parameters extends Migration {
  override async up(): Promise<void> {}
}
