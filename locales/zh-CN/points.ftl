## /daily。$wait 是一段时长（span-*），$opens 是日期和时间。
daily-already = 你今天已经签到过了。下次签到将在 { $wait }后开放，时间是 { $opens }。
daily-claimed = 签到成功：+{ $xp } 经验，+{ $points } 积分。已连续签到 { $streak } 天，现有 { $balance } 积分。
# 漏签后的签到：$broken 是中断的连续天数。
daily-claimed-streak-broken = { daily-claimed }之前连续签到的 { $broken } 天因漏签中断，今天重新开始计算。

## /thanks 和感谢词：发在群里。
thanks-given = { $giver } 感谢了 { $name }（{ $name } 获得 { $xp } 经验）。
thanks-given-reason = { $giver } 感谢了 { $name }：“{ $reason }”（{ $name } 获得 { $xp } 经验）。

## /points add|remove（管理员）。points-now 是变动后的总数。
points-now = 现在等级 { $level }，{ $xp } 经验，{ $balance } 积分
points-added = 已给 { $name } 加 { $amount } 积分，{ points-now }。
points-removed = 已扣除 { $name } 的 { $amount } 积分，{ points-now }。
# 对方余额不足：$xp_removed 和 $points_removed 是实际扣掉的数。
points-removed-all = 已扣除 { $name } 的 { $xp_removed } 经验和 { $points_removed } 积分（已全部扣完），{ points-now }。

## /history。$xp 和 $points 带符号（+22、-5）；$day 是日期，$time 是 HH:MM。
history-others-operator-only = 只有管理员能查看别人的记录。发送 /history 查看你自己的。
history-empty = { $name } 还没有任何积分变动。
history-header = { $name } 最近的积分变动：
# Chinese has no plural: $count (for English's point/points) selects nothing here.
history-line = { $day } { $time } { $xp } 经验，{ $count ->
       *[other] { $points } 积分
    }：{ $why }
history-why-messages = { $day }的聊天消息
history-why-messages-undated = 当天的聊天消息
history-why-daily = 每日签到
history-why-thanks = 来自 { $actor } 的感谢
history-why-grant = { $actor } 发放
history-why-remove = { $actor } 扣除
history-why-link = 绑定账号
history-why-rollup = 较早的每日奖励（已合并）
history-why-import = { $source ->
        [mee6] 从 MEE6 导入
       *[other] 从其他机器人导入
    }
history-why-redeem = 兑换 { $reward }
history-why-redeem-unknown = 兑换奖励
history-why-other = 其他
history-why-with-reason = { $why }（“{ $reason }”）
history-actor-unknown = 管理员

## 升级：发在发生的群里，或通过私信告知。
level-up-public = 🎉 { $name } 升到了 { $level } 级！
level-up-dm = 🎉 你升到了 { $level } 级！
# 发给管理员：平台拒绝发放等级奖励（例如 Discord 身份组）。
level-up-reward-failed = 无法给 { $name }（{ $account }）发放 { $level } 级奖励：{ $error }
history-why-lesson = 完成课时 #{ $lesson }
history-why-course = 学完课程 { $course }
history-why-contribution = 投稿 #{ $id } 已采纳
history-why-referral = 你邀请的人加入并付款
history-why-event = 参加活动 #{ $id }
history-why-answer = 你对问题 #{ $id } 的回答被采纳
history-why-bounty = 问题 #{ $id } 的悬赏
