## 课程与学习进度：/course、/done、/progress

done-not-a-lesson = 推送 #{ $lesson } 不是你能看到的任何课程中的课时。/progress 列出你的课程。
done-not-yet = 课时 #{ $lesson } 还没有发给你；收到后再标记完成。
done-already = 你已经标记过课时 #{ $lesson }；每个课时只计一次。
done-recorded = 课时 #{ $lesson } 已完成：+{ $xp } 经验。
done-course-finished = 🎓 你学完了 { $course }：额外 +{ $xp } 经验！
progress-none = 还没有课程。
progress-header = 你的课程：
progress-course = { $title }（{ $course }）：{ $bar } { $done }/{ $total }
progress-finished = 已学完
progress-next = 下一课：#{ $lesson } { $text }
progress-empty = 还没有课时
course-exists = 已经有名为 { $course } 的课程。
course-created = 课程 { $course }（{ $title }）已创建：用 /course add { $course } 推送编号 添加课时。
course-lesson-taken = 推送 #{ $lesson } 已经是 { $course } 的课时。
course-lesson-added = 推送 #{ $lesson } 现在是 { $course } 的第 { $position } 课。
course-lesson-not-in = 推送 #{ $lesson } 不是 { $course } 的课时。
course-lesson-removed = 推送 #{ $lesson } 已不再是 { $course } 的课时。
course-tier-set = 课程 { $course } 现在面向 { $tier } 及以上。
course-tier-cleared = 课程 { $course } 现在面向所有人。
course-none-yet = 没有课程 { $course }：目前还没有任何课程。用 /course create ID 标题 创建一个。
course-unknown = 没有课程 { $course }。现有课程：{ $known }。
course-stats-header = { $title }（{ $course }）：{ $lessons } 个课时。每个课时完成的成员数：
course-stats-empty = 还没有课时：用 /course add { $course } 推送编号 添加。
course-stats-line = { $position }. #{ $lesson } { $text } — { $members }
lesson-done-button = ✅ 已完成
