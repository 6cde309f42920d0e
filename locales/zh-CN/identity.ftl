## 在命令里指定成员。
target-missing = 请指明是哪位成员，或者回复对方的一条消息。
target-bot = { $name } 是机器人，不是成员。
target-unseen = 找不到这位成员：这里还没出现过 { $name }。
target-unknown = 我还不认识这里的 @{ $token }。请 @ 提及对方，或者回复对方的一条消息。

## /link
link-code = 你的绑定码是 { $code }。请在 { $minutes } 分钟内，用你在另一个平台上的账号向我发送 /link { $code }。两个账号获得的经验和积分会合并到一起。
link-code-sent = 绑定码已通过私信发给你了。
link-dm-closed = 我没法给你发私信。请先和我开启私聊，然后在私聊里发送 /link。
link-done = 绑定成功：你的 { $platforms } 账号现在是同一个成员了，等级 { $level }，{ $xp } 经验，{ $balance } 积分。
link-platforms-two = { $first } 和 { $second }
link-platforms-more = { $first }、{ $rest }
