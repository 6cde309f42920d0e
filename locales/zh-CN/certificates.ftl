## 课程证书：/certificate、/certificate revoke、/certificates/编号

certificate-title = 结业证书
certificate-completed = 已完成课程
certificate-verify = 验证地址：{ $link }
certificate-issued = 你的 { $course } 证书，姓名为 { $name }：{ $link }（任何人都可以在此验证）。如需印上其他姓名：/certificate 课程 as 姓名。
certificate-none = 你还没有完成任何课程：/progress 查看进度。
certificate-which = 你完成了不止一门课程：请指明，例如 /certificate { $courses }。
certificate-unknown-course = 没有名为 { $course } 的课程。/progress 列出你的课程。
certificate-not-finished = 你还没有完成 { $course }：/progress { $id } 查看剩余内容。
certificate-revoke-operators = 只有管理员可以撤销证书。
certificate-id-invalid = 证书编号是十六位字母和数字，例如 ABCD-EFGH-JKLM-NPQR。
certificate-revoke-none = 没有有效的证书 { $id }：它不存在或已被撤销。
certificate-revoked = 证书 { $id } 已撤销，其页面会显示：{ $link }
web-certificate-title = 证书
web-certificate-valid = 此证书有效。
web-certificate-revoked = 此证书已于 { $day } 撤销：{ $reason }
web-certificate-name = 授予
web-certificate-course = 课程
web-certificate-day = 完成日期
web-certificate-community = 社区
web-certificate-id = 证书编号
certificate-name-needed = 你的聊天昵称无法按原样印在证书上：请写明要印上的姓名，例如 /certificate { $id } as 张伟。
certificate-exam = { $course } 以一场考试结束：完成内容 #{ $exam } 并为它评分（/rate { $exam } 1-5），然后再次申请。
