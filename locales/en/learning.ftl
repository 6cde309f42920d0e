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
