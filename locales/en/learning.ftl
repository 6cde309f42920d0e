## Courses and learning progress: /course, /done, /progress

done-not-a-lesson = Drop #{ $lesson } is not a lesson of any course you can see. /progress lists your courses.
done-not-yet = Lesson #{ $lesson } has not reached you yet; mark it done once it has.
done-already = You marked lesson #{ $lesson } done already; it counts once.
done-recorded = Lesson #{ $lesson } done: +{ $xp } XP.
done-course-finished = 🎓 You finished { $course }: +{ $xp } XP bonus!
progress-none = There are no courses yet.
progress-header = Your courses:
progress-course = { $title } ({ $course }): { $bar } { $done }/{ $total }
progress-finished = finished
progress-next = next: #{ $lesson } { $text }
progress-next-gated = next: #{ $lesson } ({ $tier } lesson)
progress-empty = no lessons yet
course-exists = There is already a course called { $course }.
course-created = Course { $course } ({ $title }) is ready: add lessons with /course add { $course } DROP.
course-lesson-taken = Drop #{ $lesson } is already a lesson of { $course }.
course-lesson-added = Drop #{ $lesson } is lesson { $position } of { $course }.
course-lesson-not-in = Drop #{ $lesson } is not a lesson of { $course }.
course-lesson-removed = Drop #{ $lesson } is no longer a lesson of { $course }.
course-tier-set = Course { $course } is now for { $tier } and above.
course-tier-cleared = Course { $course } is now for everyone.
course-none-yet = There is no course { $course }: there are no courses yet. Start one with /course create ID TITLE.
course-unknown = There is no course { $course }. Courses: { $known }.
course-stats-header = { $title } ({ $course }): { $lessons } lessons. Members who finished each:
course-stats-empty = No lessons yet: add one with /course add { $course } DROP.
course-stats-line = { $position }. #{ $lesson } { $text } — { $members }
lesson-done-button = ✅ Done
feedback-not-yet = Drop #{ $id } has not reached you, so there is nothing to give feedback on yet.
feedback-enough = You have left { $count } notes on drop #{ $id } already; the operators have them.
feedback-sent = Thank you: your feedback on drop #{ $id } went to the operators (other members do not see it).
feedback-to-operators = 📝 Feedback on drop #{ $id } from { $author }: { $text }
drop-stats-feedback = Latest feedback:
drop-stats-feedback-line = { $when } { $author }: { $text }
recommend-header = Picked for you:
recommend-line = { $n }. #{ $id } { $title } — { $why }
recommend-why-similar = because you rated #{ $id } ★{ $stars }
recommend-why-tag = tagged { $tag }, which you rate well
recommend-why-quality = rated ★{ $mean } by { $count ->
        [one] one member
       *[other] { $count } members
    }
recommend-why-new = new, not rated yet
recommend-footer = Rate what you read with /rate ID STARS: it sharpens your next picks.
recommend-questions-header = Open questions you could answer:
recommend-question-line = #{ $id } { $title } (tagged { $tag }, which you rate well)
recommend-nothing = Nothing new to recommend: you have rated or finished everything you can see. New drops will show up here.
recommend-weekly-hint = Get these by DM every week: /recommend weekly on
recommend-weekly-on = Your picks will come by DM { $when }. Stop them with /recommend weekly off.
recommend-weekly-off = No more weekly picks by DM. /recommend still works any time.
recommend-weekly-intro = Your weekly picks (stop them with /recommend weekly off):
submit-needs-text = Write what you want to share after /submit, or reply to a message with /submit.
submit-queued = Thanks! Your submission #{ $id } is waiting for review; you will hear back by DM. What review looks for: /rules
submit-full = You have { $count ->
        [one] a submission
       *[other] { $count } submissions
    } waiting for review already. Please wait until { $count ->
        [one] it is
       *[other] they are
    } reviewed.
submit-to-operators = New submission #{ $id } from { $author }: { $text } — /review list
rules-none = This community has not written down its rules yet.
rules-header = { $community } rules:
review-empty = No submissions are waiting for review.
review-header = { $count ->
        [one] One submission waits
       *[other] { $count } submissions wait
    } for review:
review-line = #{ $id } from { $author }, { $at }: { $text }
review-how = Approve: /review approve ID [WHEN] [to TARGET] [tags TAGS]. Reject: /review reject ID REASON.
review-unknown = There is no submission #{ $id }. /review list shows those waiting.
review-decided = Submission #{ $id } was { $state ->
        [approved] approved
       *[rejected] rejected
    } already.
review-approved = Approved submission #{ $id } from { $author } (+{ $xp } XP for them).
review-rejected = Rejected submission #{ $id } from { $author }; they were told why.
submission-approved = Your submission #{ $id } was approved and will go out as drop #{ $drop }: +{ $xp } XP. Thank you for sharing!
submission-rejected = Your submission #{ $id } was not accepted: { $reason }
submission-credit = — shared by { $name }
event-label = { $name } (#{ $id }), { $starts } until { $ends }
event-unknown = There is no event #{ $id } you can see. /event list shows them.
event-create-operators = Only operators can create events.
event-window = An event must end after it starts, and not in the past.
event-code-busy = Could not draw a free check-in code; please try again.
event-created = Created { $event }: checking in pays +{ $xp } XP. Check-in code: { $code } (share it during the event). Members join with /event join { $id }.
event-over = Event #{ $id } is over.
event-joined = You joined { $event }. A reminder comes an hour before it starts.
event-joined-now = You joined { $event }. Check in with the code shared there: /event checkin CODE
event-joined-already = You joined { $event } already.
event-list-header = Events:
event-list-line = { $event } — { $count } joined, +{ $xp } XP for checking in{ $joined ->
        [yes] {" "}(you joined)
       *[no] {""}
    }
event-list-code = {"  "}check-in code: { $code }
event-list-none = No events are coming up.
event-code-unknown = No event you can join has the code { $code }.
event-not-started = { $name } has not started yet: check in from { $starts }.
event-code-expired = { $name } is over: its check-in code has expired.
event-checked-in-already = You checked in to { $name } already; it counts once.
event-checked-in = Checked in to { $name }: +{ $xp } XP.
event-board-header = Top participants of { $event }:
event-board-empty = Nobody has earned XP during it yet.
event-board-line = { $place }. { $name } — { $xp } XP
event-reminder = { $event } starts within the hour. Check in there with its code: /event checkin CODE
course-role-failed = Could not give { $name } ({ $account }) the role for finishing { $course }: { $error }
event-season-planned = When it starts, the season “{ $name }” opens and runs until the event ends.
event-season-refused = The event { $name } could not open its season: { $why }
