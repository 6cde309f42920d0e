## /privacy export 和 /privacy delete

privacy-export-caption = { $community } 保存的关于你的全部数据，按表列出。时间是自 1970 年起的毫秒数（UTC）；其他成员的编号已去掉。
privacy-export-notes = 时间是自 1970-01-01 起的毫秒数（UTC）；日期按社区所在时区计算。其他成员的编号为 null。
privacy-export-sent = 你的数据已通过私信发给你：{ $name }（{ $kilobytes } KB）。
privacy-export-failed = 无法把文件发给你：{ $error }

privacy-erase-what-self = 删除你的数据会移除：你的平台账号和名字、绑定码、送出和收到的感谢、语言设置、积分记录上写的理由，以及你在所有排行榜上的位置（立即生效）。积分记录保留匿名的行，社区的总数依然对得上；你的评分会保留，但不再带名字。删除后无法恢复：如果你再次发言，将从零开始。
privacy-erase-what-other = 删除 { $name } 的数据会移除：对方的平台账号和名字、绑定码、送出和收到的感谢、语言设置、积分记录上写的理由，以及在所有排行榜上的位置（立即生效）。积分记录保留匿名的行，社区的总数依然对得上。删除后无法恢复：如果对方再次发言，将从零开始。
privacy-erase-memberships-kept = 正在生效的会员资格：{ $list }。它们会继续生效直到到期；只保留访问权限所需的平台账号（不含名字），以便到期时移除权限。如果想现在一并结束（不退款），请发送 { $command }。
privacy-erase-memberships-end = 正在生效的会员资格：{ $list }。它们会立即结束，相应的访问权限也一并移除（不退款）。
privacy-erase-confirm-hint = 如果确定，请在 { $minutes } 分钟内发送 { $command }。
privacy-erase-others-operator-only = 只有管理员可以应成员本人的请求删除其数据。
privacy-erase-nothing-asked = 没有等待你确认的删除申请。请先发送 { $command }。
privacy-erase-expired = 这个删除申请已超过 { $minutes } 分钟。请重新发送 { $command }。
privacy-erase-done-self = 完成：你在 { $community } 的数据已删除。感谢你曾经的参与。
privacy-erase-done-other = 完成：{ $name } 的数据已删除，此操作已记录。
privacy-erase-done-kept = 正在生效的会员资格会保留访问权限，直到到期。
privacy-erase-logged = { $operator } 应成员请求删除了成员 #{ $member } 的数据。
