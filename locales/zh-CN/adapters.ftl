## 平台操作遇到的问题（给管理员和成员看）。
platform-dm-closed = 无法发送私信：{ $reason }
platform-rate-limited = 触发频率限制：{ $seconds } 秒后重试
platform-failed = { $error }
platform-not-connected = { $platform } 未连接
telegram-bad-chat-id = `{ $id }` 不是有效的 Telegram 会话 id
telegram-dm-not-started = 对方还没有和机器人开启私聊
discord-bad-id = `{ $id }` 不是有效的 Discord { $what } id
discord-dms-closed = 对方不接收来自本服务器的私信
discord-role-fix = Discord 拒绝修改 { $what } 身份组（{ $role }）：Steward 需要“管理身份组”权限，且它自己的身份组必须排在 { $what } 之上。解决方法：服务器设置 → 身份组，给 Steward 的身份组开启“管理身份组”，并把它拖到 { $what } 上方。
discord-role-nowhere = 没有哪个社区服务器同时有这位成员和 { $what } 身份组（{ $role }）
discord-drop-too-long = 推送超过了 Discord 的 { $max } 字上限

## Discord：适配器在回复前后加的话，以及“安排为推送”表单。
discord-answer-cut = …（内容太长，Discord 一次显示不下）
discord-done = 完成。
discord-schedule-as-drop = 安排为推送
drop-form-title = 安排为推送
drop-form-when = 发布时间
drop-form-when-example = tomorrow 09:00 · in 2h · 2026-12-01 09:00 · now
drop-form-options = 选项（可选）
drop-form-options-example = every weekday to announcements tier pro
drop-form-expired = 这个表单已过期，请在消息上重新选择“安排为推送”。

## 控制台：它自己的控制命令，以及它如何模拟平台上的动作。
console-drop-footer = （推送 #{ $drop }：用 /rate { $drop } 1-5 打分）
console-access-granted = { $who } 获得了 { $tier } 的访问权限
console-access-lost = { $who } 失去了 { $tier } 的访问权限
console-access-kept = { $who } 的 { $tier } 已结束，但另一个档位仍提供同样的访问权限
console-file-saved = 文件已保存：{ $path }
console-level-reward = { $who } 获得了 { $level } 级奖励（{ $platform } { $id }）
console-course-role = { $who } 学完了 { $course }，获得对应身份组（{ $platform } { $id }）
console-bad-utf8 = 这一行不是有效的 UTF-8，无法识别的字节显示为 �。
console-nothing-to-reply-to = { $who } 在 #{ $chat } 里还没有可回复的消息：/reply 回复的是某人在这里的最后一条消息。
console-now-as = 你现在是 { $name }。
console-now-in = 你现在在 #{ $chat }。
console-usage-name = 用法：{ $control } 名字（字母、数字、- 和 _）
console-now-operator = { $name } 现在是管理员（仅限控制台）。
console-usage-reply = 用法：/reply 名字 内容
console-usage-wait = 用法：/wait 时长（如 5s 或 2m，最长 1h）
telegram-bad-message-id = 要转发的消息没有有效的 Telegram 消息 id
telegram-bad-user-id = 该账号没有有效的 Telegram 用户 id
discord-audit-role-given = Steward：{ $what }
discord-audit-role-ended = Steward：{ $what } 已结束
telegram-invite = 欢迎加入 { $tier }！这是你进入会员群的邀请链接（仅限一次，24 小时内有效）：{ $link }
telegram-invite-open-dm = Telegram 用户 { $user }：请先和我开启私聊并点击“开始”，我才能把 { $tier } 的邀请链接发给你。
console-lesson-footer = （课时 #{ $drop }：用 /done { $drop } 标记完成；用 /rate { $drop } 1-5 打分）
