## 从其他机器人导入经验（steward import），以及无法读取的行。
import-not-mee6 = 这不是 MEE6 排行榜的 JSON（应为带有 "players" 列表的对象）：{ $error }
import-not-json-list = 这不是由 {"{"}"id", "platform", "xp"{"}"} 组成的 JSON 列表：{ $error }
import-row-shape = 这一行需要 id 和 xp：{ $error }
import-row-id = id 必须是数字或文本
import-row-xp = `{ $xp }` 不是有效的经验值（0 到 { $max } 之间的整数）
import-row-twice = `{ $id }` 出现了两次，以第 { $first } 条为准
