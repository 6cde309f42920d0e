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
recommend-nothing = Nothing new to recommend: you have rated or finished everything you can see. New drops will show up here.
recommend-weekly-hint = Get these by DM every week: /recommend weekly on
recommend-weekly-on = Your picks will come by DM { $when }. Stop them with /recommend weekly off.
recommend-weekly-off = No more weekly picks by DM. /recommend still works any time.
recommend-weekly-intro = Your weekly picks (stop them with /recommend weekly off):
