/** The public entry of the module: what other modules and the server may use of it (docs/modules.md). */
export { ParameterName, ParameterUnit } from './parameter.enums';
export { formatParameterValue } from './parameter-value';
export { assertParameterYear, findParameterInForce, parameterInForceSql, PARAMETER_YEARS, toResolved, type ResolvedParameter } from './parameter.service';
export { PolicyParameterType } from './parameter.types';
