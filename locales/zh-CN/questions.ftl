## 问答：/ask、/accept、/questions，网页的 /questions

question-title-empty = 请写出你的问题，例如 /ask 怎样修复借用错误？#rust（或回复提问的消息并发送 /ask）。
question-title-long = 问题标题最多 { $max } 个字符：写第一句，不是全部经过。
question-repeated = 这个问题已经开放，编号 #{ $id }。
question-not-opened = 问题未能发出：{ $why }
question-bounty-too-poor = { $bounty } 积分的悬赏需要同样多的积分：你有 { $balance }。
question-limit = 你今天已提问 { $max } 次，已达每日上限：明天再问吧。
question-ask-in-group = 请在社区群里提问，大家才能回答。
question-asked-here = 问题 #{ $id } 已开放。回答请回复你的 /ask 消息；回复最佳回答并发送 /accept 采纳。
question-asked-thread = 问题 #{ $id } 已在单独的子区开放：回答发在那里；在子区里用 /accept member:@对方 采纳最佳回答。
question-asked-posted = 问题 #{ $id } 已发到群里：回答请回复它；回复最佳回答并发送 /accept 采纳。
question-bounty-held = 已为你采纳的回答冻结 { $bounty } 积分；若 { $days } 天内未采纳任何回答，积分会退还给你。
question-tags = 标签：{ $tags }
question-post = ❓ { $asker } 提问：{ $title }
question-post-bounty = ❓ { $asker } 提问：{ $title }
    悬赏：被采纳的回答得 { $bounty } 积分。
question-post-reply = 回复这条消息即可回答。
question-post-thread = 请在本子区回答；提问者用 /accept 采纳最佳回答。
question-no-answer = { $name } 还没有回答问题 #{ $id }：回答是对问题的回复（或子区里的消息）。
question-unknown = 没有问题 #{ $id }。
question-accepted-already = 问题 #{ $id } 已经采纳了回答。
question-not-yours = 只有问题 #{ $id } 的提问者（或管理员）可以采纳回答。
question-own-answer = 不能采纳你自己的话：请采纳别人的回答。
question-none-open = 你没有开放中的问题。/ask 可以提问。
question-which = 你有不止一个开放中的问题：请指明，例如 /accept 12 @成员。
question-accepted-xp = { $name } 获得 { $xp } 经验
question-accepted-bounty = { $name } 获得 { $xp } 经验和 { $bounty } 积分悬赏
question-accepted = 问题 #{ $id } 已采纳回答：{ $earned }。
question-accepted-dm = 你对问题 #{ $id }（{ $title }）的回答被采纳：+{ $xp } 经验{ $bounty ->
    [0] 。
   *[other] ，另得 { $bounty } 积分悬赏。
}
question-bounty-returned = 你的问题 #{ $id } 未在期限内采纳回答：{ $bounty } 积分悬赏已退回你的余额。你仍可采纳回答（回答者获得经验）。
questions-not-on-platform = 此平台不开放问题。
questions-anonymous = 一位成员
questions-none = 这里还没有问题。/ask 可以提问。
questions-header = 问题：
questions-line = #{ $id } { $title } — { $asker }，{ $state }
questions-state-open = { $answers } 个回答
questions-state-bounty = { $answers } 个回答，悬赏 { $bounty }
questions-state-accepted = 已采纳 { $name } 的回答
questions-footer = /questions open · /questions mine · /questions tag rust
web-questions-title = 问答
web-questions-none = 还没有问题。
web-questions-asked = { $asker } 提问于 { $day }
web-questions-answers = { $answers } 个回答
web-questions-bounty = 悬赏 { $bounty } 积分
web-questions-accepted = 已采纳 { $name } 的回答
web-questions-open = 待解答
web-dash-questions = 问答
web-dash-questions-asked = 提问数
web-dash-questions-answered = 已有回答（至少一个）
web-dash-questions-accepted = 已采纳回答
web-dash-questions-first-answer = 首个回答的等待时间（中位数）
web-dash-questions-acceptance = 采纳回答的等待时间（中位数）
web-dash-wait-minutes = { $minutes } 分钟
web-dash-wait-hours = { $hours } 小时
