import { Role } from '../../kernel/role';
import { all, type ModulePolicy } from '../../policy/policy';
import { EVERYONE } from '../../policy/role-groups';

const { POVERTY_OFFICE } = Role;

export const parametersPolicy: ModulePolicy = {
  types: {
    PolicyParameter: {
      rows: 'every row, across regions: parameters are published policy, not registry data',
      fields: all(EVERYONE, 'id', 'name', 'unit', 'value', 'regionPrefix', 'fromYear', 'toYear', 'source'),
    },
  },
  fields: {
    Query: all(EVERYONE, 'policyParameter', 'policyParameters'),
    Mutation: {
      setPolicyParameter: {
        read: [POVERTY_OFFICE],
        reason: { zh: '扶贫办在本辖区内设定政策参数', en: 'The poverty office sets policy parameters inside its own region' },
      },
    },
  },
};
