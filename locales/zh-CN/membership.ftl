## 会员与推送文字共用的词。
# 列表项之间：会员档位、频道、权益。
membership-list-separator = {"、"}
# 作为一个短语读的列表：“你的 Basic、Pro 会员资格”。
membership-and-separator = {"、"}
# 一行中列出的多个问题之间。
membership-problem-separator = {"；"}
# 平台名称（按 id：discord、telegram、console）。
membership-platform = { $platform ->
        [discord] Discord
        [telegram] Telegram
       *[console] 控制台
    }
# 一段时长中的一个单位：$unit 为 w、d、h、m 或 s。两个单位之间用空格分隔。
membership-span = { $n } { $unit ->
        [w] 周
        [d] 天
        [h] 小时
        [m] 分钟
       *[s] 秒
    }
membership-span-two = { $first } { $second }
membership-term-lifetime = 永久
# 会员资格的有效期，跟在档位名称之后。
membership-until = 有效期至 { $at }
membership-for-life = 永久有效

## 一个会员档位的权益。
membership-perks = 权益：{ $perks }。
membership-perk-xp = 消息经验 ×{ $multiplier }
membership-perk-daily = 每日签到（/daily）额外 +{ $bonus } 积分
membership-perk-drops = 专属推送
membership-perk-access = { $platform ->
        [discord] Discord 身份组
        [telegram] Telegram 私密群
       *[console] 控制台权限
    }

## 命令中提到的会员档位。
tiers-none-configured = 还没有配置任何会员档位；请在 steward.toml 中添加 [[tiers]]。
tiers-unknown = 没有 `{ $tier }` 这个会员档位。可选：{ $tiers }。

## /tiers
tiers-empty = 本社区没有设置会员档位。
tiers-header = 会员档位：
tiers-line = { $name }（{ $id }）— { $perks }
tiers-reward = /redeem { $reward }：{ $cost } 积分 · { $term }

## /membership
membership-none = 你还没有会员资格。发送 /tiers 查看各会员档位及获取方式。
membership-yours = 你的会员档位：{ $tier }，{ $until }。
membership-also = 同时生效：{ $tiers }。

## /member grant|extend|revoke|list（管理员）
member-extend-none = { $name } 没有生效中的 { $tier } 会员资格，请使用 /member grant。
member-granted = { $name } 现在是 { $tier } 会员，{ $until }。
member-access-problems = 部分平台的权限没能开通：{ $problems }
member-access-problem = { $account } 的 { $platform } 权限：{ $error }
member-revoke-none = { $name } 没有生效中的会员资格。
member-revoke-none-in = { $name } 没有生效中的 { $tier } 会员资格。
member-revoked = 已撤销 { $name } 的 { $tiers } 会员资格。
member-list-empty = 目前没有生效中的会员资格。
member-list-header = 生效中的会员资格（{ $count }）：
member-erased-name = （已删除资料的成员 #{ $id }）
member-list-line = { $name }：{ $tier }，{ $until }
member-list-more = ……还有 { $count } 条。
member-lifetime-already = { $tier } 已经永久有效，追加时长（{ $term }）不会有任何效果；没有扣除积分，也没有做任何改动。

## 发给成员的私信。
membership-welcome = 欢迎加入 { $tier }！{ $until }。{ $perks }
membership-extended = 你的 { $tier } 会员资格已续期，{ $until }。
membership-revoked = 管理员已终止你的 { $tiers } 会员资格。发送 /membership 查看你当前还有哪些会员资格。
membership-ended = 你的 { $tier } 会员资格已到期。发送 /tiers 查看如何续期。
membership-reminder = 你的 { $tier } 会员资格将于 { $at }到期，还剩 { $left }。可以在 /shop 用积分续期，或联系管理员。

## 发给管理员的报告。
membership-dry-run = 试运行（membership.enforce = false）：{ $name } 此时本应失去 { $tier } 的访问权限，但没有做任何移除。
membership-revoke-failed = 无法移除 { $name }（{ $account }）的 { $tier } 访问权限：{ $error }

## /shop 和 /redeem
shop-empty = 积分商店里还没有商品。
shop-header = 积分商店（你有 { $balance } 积分）：
shop-line = { $reward }：{ $name }，{ $cost } 积分（{ $tier } · { $term }）— /redeem { $reward }
# 输入 /redeem 时自动补全给出的选项。
shop-choice = { $name }（{ $cost } 积分）
redeem-unknown = 没有 `{ $reward }` 这个奖励。可兑换：{ $rewards }。详见 /shop。
redeem-repeated = 这个请求已经处理过了：{ $name } 已经是你的了。
redeem-too-poor = { $name } 需要 { $cost } 积分，你只有 { $balance } 积分。
redeem-done = 已用 { $cost } 积分兑换 { $name }：你现在是 { $tier } 会员，{ $until }。余额：{ $balance } 积分。
redeem-access-pending = 部分平台的权限暂时没能开通，已通知管理员。
redeem-access-report = 兑换后开通权限出现问题：{ $problems }
