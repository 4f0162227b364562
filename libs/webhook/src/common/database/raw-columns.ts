/**
 * DevLake's raw-data origin columns as the webhook writes them on every domain row it creates
 * (spec schema.md §1): nothing came from a raw table.
 */
export const EMPTY_RAW_COLUMNS = Object.freeze({
  rawDataParams: '',
  rawDataTable: '',
  rawDataId: 0,
  rawDataRemark: '',
});
