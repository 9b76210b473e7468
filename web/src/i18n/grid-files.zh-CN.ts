/**
 * 简体中文 for reading grid files on the import page (表格、Shapefile、示例文件). A part of the
 * dictionary loaded with that page only; keys are prefixed `gridFiles.` and repeat no other part's.
 */
export const gridFilesZhCN = {
  "gridFiles.samplesTitle": "从示例开始",
  "gridFiles.samplesHint":
    "示例包含一个街道、两个社区和两个网格共三级，编码以 SAMPLE 开头，仅供参考格式，请勿直接导入。表格的第一行是列名：网格编码、网格名称、上级编码、层级（可留空，按上级推算）、边界（WKT，如 POLYGON((经度 纬度, …))，或 GeoJSON 文本）。",
  "gridFiles.sampleGeoJson": "下载示例 GeoJSON",
  "gridFiles.sampleCsv": "下载示例表格（CSV）",
  "gridFiles.reading": "正在读取文件…",
  "gridFiles.mappingTitle": "对应列",
  "gridFiles.mappingHint": "已按列名自动识别，请核对；带 * 的必须选择。",
  "gridFiles.mappingRows": "共 {count} 行",
  "gridFiles.mappingShapes": "共 {count} 个要素，边界取自 Shapefile 的图形",
  "gridFiles.notMapped": "（无）",
  "gridFiles.reprojected": "坐标已从投影坐标系“{name}”转换为经纬度。",
  "gridFiles.missing": "请为以下内容选择列：{columns}",
  "gridFiles.unknownKind": "不支持这种文件。请选择 .geojson、.json、.xlsx、.csv，或含 Shapefile 的 .zip。",
  "gridFiles.rowsTitle": "有 {count} 行需要修正，没有上传任何内容",
  "gridFiles.row": "第 {row} 行",
  "gridFiles.record": "第 {row} 个要素",
  "gridFiles.rowColumn": "{where} · {column}",

  "gridFiles.column.code": "网格编码",
  "gridFiles.column.name": "网格名称",
  "gridFiles.column.parentCode": "上级编码",
  "gridFiles.column.tier": "层级",
  "gridFiles.column.boundary": "边界",
  "gridFiles.column.dedicatedKind": "专属网格类型",
  "gridFiles.column.households": "户数",
  "gridFiles.column.population": "人口",

  "gridFiles.issue.code_missing": "网格编码为空",
  "gridFiles.issue.code_invalid": "网格编码“{value}”只能包含字母、数字、点、横线或下划线，最多 40 个字符",
  "gridFiles.issue.code_duplicate": "网格编码“{value}”与第 {other} 行重复",
  "gridFiles.issue.name_missing": "网格名称为空",
  "gridFiles.issue.name_too_long": "网格名称超过 60 个字",
  "gridFiles.issue.parent_self": "上级编码不能是本网格自己的编码",
  "gridFiles.issue.tier_invalid": "层级“{value}”无法识别，请填 1–5 或“一级”“二级”等",
  "gridFiles.issue.number_invalid": "“{value}”不是有效的非负整数",
  "gridFiles.issue.boundary_missing": "边界为空",
  "gridFiles.issue.boundary_wkt": "边界不是有效的 WKT",
  "gridFiles.issue.boundary_geojson": "边界不是有效的 GeoJSON",
  "gridFiles.issue.boundary_type": "边界必须是面（POLYGON 或 MULTIPOLYGON）",
  "gridFiles.issue.boundary_not_degrees": "边界坐标不是经纬度（可能是投影坐标，单位为米），请转换为 WGS-84 或 CGCS2000 经纬度",

  "gridFiles.read.csv_unreadable": "无法读取这个 CSV 文件：{detail}",
  "gridFiles.read.xlsx_unreadable": "无法读取这个 Excel 文件，请确认是 .xlsx 格式（旧版 .xls 请先另存为 .xlsx）。",
  "gridFiles.read.zip_unreadable": "无法解压这个 .zip 文件。",
  "gridFiles.read.zip_no_shp": "压缩包里没有 .shp 文件。请将 .shp、.dbf、.prj（及 .cpg）一起打包。",
  "gridFiles.read.shp_unreadable": "无法读取压缩包中的 Shapefile：{detail}",
  "gridFiles.read.prj_projected":
    "这个 Shapefile 使用投影坐标系“{name}”，无法自动转换为经纬度。请在 GIS 软件中转换为 WGS-84（EPSG:4326）或 CGCS2000 经纬度（EPSG:4490）后重新导出。",
  "gridFiles.read.prj_other_datum":
    "这个 Shapefile 的坐标系是“{name}”，与 WGS-84 / CGCS2000 相差可达数十米以上。请在 GIS 软件中转换为 WGS-84（EPSG:4326）或 CGCS2000（EPSG:4490）后重新导出。",
  "gridFiles.read.no_rows": "文件中没有数据行。",
} as const;

export type GridFileMessageKey = keyof typeof gridFilesZhCN;
