## 邀请：/invite 与 /start ref-邀请码

invite-code = 你的邀请码是 { $code }。新成员向机器人发送 /start ref-{ $code } 即可（在 Telegram 上，链接 t.me/BOT?start=ref-{ $code } 一点即用，BOT 换成机器人的用户名）。
invite-code-link = 你的邀请码是 { $code }。分享链接 { $link }：点开即进入机器人，并记为你的邀请。在其他地方（Discord、控制台），新成员向机器人发送 /start ref-{ $code } 即可。
invite-reward = 你邀请的人首次付款 { $hold } 天后，你将获得 { $xp } 经验和 { $days } 天会员延期（期间退款则不计）。
invite-stats = 你的邀请：{ $joined } 人加入，{ $paid } 人付款（{ $pending } 人在等待期，{ $reversed } 人已退款）。已获得：{ $xp } 经验、{ $days } 天。
invite-unknown = 这个邀请码不是本社区的。请与发送者核对。
invite-own = 这是你自己的邀请码：请分享给新朋友。
invite-welcome = 你是通过成员的邀请来的：欢迎！
invite-credited = 你邀请的人已付款一段时间：+{ $xp } 经验。感谢你带来新成员！
invite-credited-days = 你邀请的人已付款一段时间：+{ $xp } 经验，{ $tier } 延长 { $days } 天。感谢你带来新成员！

web-dash-funnel-referred = 通过成员邀请而来
web-dash-funnel-referred-paid = 经邀请而来的付费成员

web-invite-title = 一位成员邀请你加入 { $community }
web-invite-telegram = 在 Telegram 上打开此链接：会启动机器人并记为该成员的邀请：
web-invite-elsewhere = 在其他地方（Discord），向机器人发送 /start ref-{ $code }。
