## 推送：推送正文周围的标签（正文由管理员撰写，不翻译）。
# 每条推送一行。
drop-line = #{ $id } { $next }{ $repeat }{ $gate }：{ $text }
drop-line-done = 已结束
drop-line-cancelled = 已取消
# 已保存的重复规则（简写）：$kind 为 day、weekday、days（$days）、month（$day）或 cron（$expr）。
drop-line-repeat = ，{ $kind ->
        [day] 每天
        [weekday] 每个工作日
        [days] 每{ $days }
        [month] 每月 { $day } 日
       *[cron] cron“{ $expr }”
    }
# 带发布时间（$time，HH:MM）的重复规则，用于安排推送后的回复。
drop-rule = { $kind ->
        [day] 每天 { $time }
        [weekday] 每个工作日 { $time }
        [days] 每{ $days } { $time }
        [month] 每月 { $day } 日 { $time }
       *[cron] 按 cron 表达式“{ $expr }”
    }
# 星期（按简写 mon … sun）；多个星期之间用分隔符连接。
drop-weekday = { $day ->
        [mon] 周一
        [tue] 周二
        [wed] 周三
        [thu] 周四
        [fri] 周五
        [sat] 周六
       *[sun] 周日
    }
drop-weekday-separator = {"、"}
# 推送的发送目标（$platform：console、discord、telegram）。
drop-target-dm = 私信发给该档位的每位成员
drop-target-chat = { $platform ->
        [console] 控制台的 #{ $chat }
        [discord] Discord 频道 { $chat }
       *[telegram] Telegram 群组 { $chat }
    }

## /drop WHEN TEXT（管理员）
drop-tier-outside = 会员档位推送只能发到 { $tier } 的专属频道（{ $channels }）或通过私信发送；`{ $channel }` 不在其中。
drop-no-gated-channels = 未配置
drop-unknown-channel = 没有 `{ $channel }` 这个频道。可选频道：{ $channels }。
drop-no-channels = 未配置（在 steward.toml 中添加 [channels.名称]）
drop-rule-never-runs = 这条重复规则永远不会触发。
drop-needs-text = 请写上要发布的内容，或者回复你想安排发布的那条消息。
drop-where-dm = 私信发给 { $tier } 及以上档位的成员
drop-where-here = 发到这里
drop-where-channels = 发到 { $channels }
drop-scheduled = 已安排推送 #{ $id }：{ $at }{ $repeat }，{ $where }{ $gate }。预览：/drop show { $id }。取消：/drop cancel { $id }。{ $waits }
drop-scheduled-repeat = ，之后{ $rule }
drop-scheduled-gate = ，仅限 { $tier } 及以上档位的成员
drop-scheduled-undriven = 其中发往 { $platforms } 的推送要等 `steward run` 来发送：当前进程没有接入{ $count ->
        [1] 该平台
       *[other] 这些平台
    }。

## /drop list|show|cancel
drop-list-empty = 还没有安排任何推送。用 /drop 时间 内容 安排一条吧。
drops-upcoming = 即将发出的推送：
drop-unknown = 没有推送 #{ $id }。发送 /drop list 查看已安排的推送。
drop-preview = 预览 { $line }
drop-preview-targets = 发送目标：{ $targets }
drop-preview-copy = （复制自 { $platform }:{ $chat } 中的消息 { $message }，平台支持时会保留原有格式和媒体。）
drop-cancel-gone-out = 推送 #{ $id } 已全部发出，没有可以取消的了。发送 /drop status { $id } 查看发送情况。
drop-cancel-again = 推送 #{ $id } 已经取消过了。
drop-cancelled-unsent = 已取消推送 #{ $id }，还没有发出任何内容。
drop-cancelled = 已取消推送 #{ $id }，之后不会再发。此前已有 { $gone } 次发送完成或正在进行。

## /drop status|stats
drop-status-nothing-yet = 还没有发出任何内容：第一次发布之前，所有目标都处于待发送状态。
drop-status-no-one = 到发布时间时没有可发送的对象（当时该档位没有成员），所以什么也没有发出。
drop-status-line = { $at } { $target }：{ $detail }
drop-status-at = { $date } { $time }
drop-state = { $state ->
        [pending] 待发送
        [sending] 发送中
        [sent] 已发送
        [failed] 失败
        [missed] 已错过
        [cancelled] 已取消
       *[other] { $state }
    }
drop-status-retry = 待发送（将于 { $at }进行第 { $attempt } 次尝试；上次错误：{ $error }）
drop-status-error = { $state }（{ $error }，共尝试 { $attempts } 次）
drop-stats-none = 推送 #{ $id } 还没有评分。
drop-stats = 推送 #{ $id }：共 { $total } 个评分，平均 { $average } 分（满分 5 分）。分布：{ $spread }。
drop-stats-stars = { $stars } 星：{ $count }

## /drops 和 /rate（成员）
drops-none = 暂时没有即将发给你的推送。
drops-more = ……之后还有 { $count } 条，等前面这些发出后会显示在这里。
rate-cancelled = 推送 #{ $id } 在发出前已被取消，无法评分。
rate-not-yet = 推送 #{ $id } 还没有发给你，收到后再来评分吧。
rate-done = 感谢评分！你给推送 #{ $id } 打了 { $stars } 分（满分 5 分）。

## 发送：发给管理员的报告，以及发送失败的原因（显示在 /drop status 中）。
delivery-missed-one = 推送 #{ $id } 原定于 { $at }发布，但机器人停机时间超过了 drops.catch_up（{ $limit }），因此没有发布。
delivery-missed-all = 推送 #{ $id } 在机器人停机期间积压：从 { $from }起共 { $count } 次没有发布，因为就连最近的一次也已延误超过 drops.catch_up（{ $limit }）。
delivery-missed-some = 推送 #{ $id } 在机器人停机期间积压：从 { $from }起有 { $count } 次没有发布，只补发了最近的一次，时间为 { $latest }。
delivery-failed = 推送 #{ $id } 无法发送到 { $target }：{ $error }。发送 /drop status { $id } 查看所有目标的情况。
delivery-error-drop-gone = 推送已被删除
delivery-error-no-account = 该成员没有可以接收私信的账号
delivery-error-undriven = 等待接入了 { $platform } 的 Steward 进程来发送
drop-tags-line = 标签：{ $tags }
drop-tags-set = 推送 #{ $id } 的标签已设为 { $tags }。
drop-tags-cleared = 推送 #{ $id } 的标签已清空。
drops-tagged = 带标签 { $tag } 的推送：
drops-tag-none = 没有你能看到的、带标签 { $tag } 的推送。

broadcast-queued = 群发 #{ $id }（{ $segment }）：{ $accounts } 个账号将收到私信，发送速度遵守各平台的限制。用 /broadcast status { $id } 查看进度，完成后会通知你。
broadcast-empty = 群发 #{ $id }：{ $segment } 中目前没有接收群发的成员，不会发送任何消息。
broadcast-unknown = 没有群发 #{ $id }。
broadcast-status = 群发 #{ $id }（{ $segment }）：已发送 { $sent }/{ $total }，失败 { $failed }，跳过 { $skipped }（已关闭群发），剩余 { $remaining }。
broadcast-eta = 按目前速度约还需 { $seconds } 秒。
broadcast-finished = 群发 #{ $id }（{ $segment }）已完成：已发送 { $sent }，失败 { $failed }，跳过 { $skipped }。
broadcasts-off = 你将不再收到管理员的群发私信。你所在等级的内容通知仍会照常发送。发送 /broadcasts on 可重新接收。
broadcasts-on = 你将重新收到管理员的群发私信。发送 /broadcasts off 可停止。
segment-broadcast-blank = 消息是空的：请写下成员要读到的内容（只有不可见字符不算）。
broadcast-renewal-soon = 你的会员将在一周内续费。最近很少见到你：我们有什么可以改进的吗？直接回复即可，每条消息我们都会看。（发送 /broadcasts off 不再接收此类消息。）
broadcast-we-miss-you = 有一段时间没在社区见到你了。新的推送和活动在等你：/drops 可以看到接下来的内容。（发送 /broadcasts off 不再接收此类消息。）
broadcast-come-back = 你的会员已经结束。如果想回来，/plans 列出了可选方案。（发送 /broadcasts off 不再接收此类消息。）
broadcast-upgrade-invite = 你几乎每周都在社区里，谢谢你！/plans 介绍了会员能带来什么。（发送 /broadcasts off 不再接收此类消息。）
drop-media-header = { $count } 个文件：
drop-media-line = · { $kind }：{ $name }（{ $mime }，{ $size }）
drop-media-size = { $unit ->
    [bytes] { $value } 字节
    [kb] { $value } KB
   *[mb] { $value } MB
}
drop-media-size-unknown = 大小未知
drop-media-kind = { $kind ->
    [photo] 图片
    [video] 视频
    [audio] 音频
    [animation] 动图
    [voice] 语音
   *[document] 文件
}
