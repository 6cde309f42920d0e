## Questions with accepted answers: /ask, /accept, /questions, the web's /questions

question-title-empty = Say what you are asking, like /ask How do I pin a future? #rust (or reply to the message that asks with /ask).
question-title-long = A question's title is at most { $max } characters: its first line, not its whole story.
question-repeated = That question is open already, as #{ $id }.
question-not-opened = The question could not be posted: { $why }
question-bounty-too-poor = A bounty of { $bounty } points needs that many: you have { $balance }.
question-limit = You asked { $max } questions today, the most a day: ask again tomorrow.
question-ask-in-group = Ask in the community's chat, where others can answer.
question-asked-here = Question #{ $id } is open. Answers are replies to your /ask message; reply to the best one with /accept.
question-asked-thread = Question #{ $id } is open in its own thread: answers go there; use /accept member:@them in the thread for the best one.
question-asked-posted = Question #{ $id } is posted in the group: answers are replies to it; reply to the best one with /accept.
question-bounty-held = { $bounty } points are held for the answer you accept; if you accept none within { $days } days, they come back to you.
question-tags = Tagged: { $tags }
question-post = ❓ { $asker } asks: { $title }
question-post-bounty = ❓ { $asker } asks: { $title }
    Bounty: { $bounty } points for the accepted answer.
question-post-reply = Reply to this message to answer.
question-post-thread = Answer in this thread; the asker accepts the best answer with /accept.
question-no-answer = { $name } has not answered question #{ $id }: answers are replies to the question (or messages in its thread).
question-unknown = There is no question #{ $id }.
question-accepted-already = Question #{ $id } has its accepted answer already.
question-not-yours = Only the asker of question #{ $id } (or an operator) accepts its answer.
question-own-answer = Your own words are not an answer to accept: accept someone else's.
question-none-open = You have no open question. /ask opens one.
question-which = You have more than one open question: say which, like /accept 12 @member.
question-accepted-xp = { $name } earns { $xp } XP
question-accepted-bounty = { $name } earns { $xp } XP and the { $bounty } point bounty
question-accepted = Answer accepted for question #{ $id }: { $earned }.
question-accepted-dm = Your answer to question #{ $id } ({ $title }) was accepted: +{ $xp } XP{ $bounty ->
    [0] .
   *[other] , and the { $bounty } point bounty.
}
question-bounty-returned = No answer to your question #{ $id } was accepted in time: its { $bounty } point bounty is back in your balance. You can still accept an answer (it earns its XP).
questions-not-on-platform = Questions are not opened on this platform.
questions-anonymous = a member
questions-none = No questions here yet. /ask opens one.
questions-header = Questions:
questions-line = #{ $id } { $title } — { $asker }, { $state }
questions-state-open = { $answers ->
    [one] 1 answer
   *[other] { $answers } answers
}
questions-state-bounty = { $answers ->
    [one] 1 answer
   *[other] { $answers } answers
}, bounty { $bounty }
questions-state-accepted = answered by { $name }
questions-footer = /questions open · /questions mine · /questions tag rust
web-questions-title = Questions
web-questions-none = No questions yet.
web-questions-asked = asked by { $asker } on { $day }
web-questions-answers = { $answers ->
    [one] 1 answer
   *[other] { $answers } answers
}
web-questions-bounty = bounty { $bounty } points
web-questions-accepted = Accepted answer by { $name }
web-questions-open = open
web-dash-questions = Questions
web-dash-questions-asked = Questions asked
web-dash-questions-answered = Answered (at least one answer)
web-dash-questions-accepted = With an accepted answer
web-dash-questions-first-answer = Median wait for a first answer
web-dash-questions-acceptance = Median wait for the accepted answer
web-dash-wait-minutes = { $minutes } min
web-dash-wait-hours = { $hours } h
