/**
 * 简体中文 for the maps' part: the open reports near a pin (附近的问题) and the district's base map
 * (底图). Loaded with the pages that use them; keys never repeat a key of the main dictionary.
 */
export const mapsZhCN = {
  "nearby.title": "附近已有的问题",
  "nearby.count": "附近 {radius} 米内已有 {count} 个未办结的问题",
  "nearby.hint": "如果是同一个问题，可以打开它关注进展，不必重复上报。",
  "nearby.none": "附近 {radius} 米内暂无未办结的问题，请放心上报。",
  "nearby.loading": "正在查看附近是否已有人上报…",
  "nearby.failed": "暂时无法查看附近的问题，不影响上报。",
  "nearby.distance": "约 {metres} 米",
  "nearby.open": "查看",
  "nearby.marker": "附近的问题：{category}（{state}）",
  "nearby.listLabel": "附近未办结的问题",

  "basemap.title": "底图",
  "basemap.hint": "地图底下显示的街道和地名。未配置在线底图时，地图用本区自己的网格数据绘制：显示网格轮廓和网格名称，不依赖外网。",
  "basemap.preset": "底图服务",
  "basemap.preset.none": "不使用在线底图（离线：网格轮廓与名称）",
  "basemap.preset.tianditu_vec": "天地图 · 矢量（含注记）",
  "basemap.preset.tianditu_img": "天地图 · 影像（含注记）",
  "basemap.preset.custom": "自定义瓦片地址",
  "basemap.preset.amap": "高德地图（GCJ-02，不可用）",
  "basemap.preset.baidu": "百度地图（BD-09，不可用）",
  "basemap.tk": "天地图密钥（tk）",
  "basemap.tkHint": "在天地图开发者平台（console.tianditu.gov.cn）为本区申请“浏览器端”密钥，并把本平台域名加入白名单。",
  "basemap.tileUrl": "瓦片地址模板",
  "basemap.tileUrlHint": "必须是 https 地址，并包含 {z}、{x}、{y}（或 WMTS 的 {TileMatrix}、{TileCol}、{TileRow}）；可用 {s} 表示子域名。",
  "basemap.annotationUrl": "注记图层地址（可选）",
  "basemap.attribution": "版权说明",
  "basemap.crsNote":
    "坐标系：网格数据使用 WGS-84（GPS）坐标。天地图采用 CGCS2000，与 WGS-84 相差仅厘米级，可直接叠加。高德、腾讯地图使用 GCJ-02，百度地图使用 BD-09，叠加后网格会偏移数百米，因此不能使用。",
  "basemap.gcjRefused": "{name} 使用加密坐标，网格会偏移数百米，不能作为底图。",
  "basemap.preview": "当前：{what}",
  "basemap.offline": "离线底图（网格轮廓与名称）",
  "basemap.errorTk": "请填写天地图密钥。",
  "basemap.errorUrl": "请填写瓦片地址模板。",
  "basemap.labels": "网格名称",
} as const;

export type MapsMessageKey = keyof typeof mapsZhCN;
