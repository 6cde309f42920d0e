## Course certificates: /certificate, /certificate revoke, /certificates/ID

certificate-title = Certificate of completion
certificate-completed = has completed
certificate-verify = Check it at { $link }
certificate-issued = Your certificate for { $course }, in the name of { $name }: { $link } (anyone can check it there). To print another name: /certificate COURSE as NAME.
certificate-none = You have not finished a course yet: /progress shows where you are.
certificate-which = You finished more than one course: say which, like /certificate { $courses }.
certificate-unknown-course = There is no course called { $course }. /progress lists yours.
certificate-not-finished = You have not finished { $course } yet: /progress { $id } shows what is left.
certificate-revoke-operators = Only operators revoke certificates.
certificate-id-invalid = A certificate id is sixteen letters and digits, like ABCD-EFGH-JKLM-NPQR.
certificate-revoke-none = No certificate { $id } stands: it does not exist or was revoked already.
certificate-revoked = Certificate { $id } is revoked; its page says so: { $link }
web-certificate-title = Certificate
web-certificate-valid = This certificate is valid.
web-certificate-revoked = This certificate was revoked on { $day }: { $reason }
web-certificate-name = Awarded to
web-certificate-course = Course
web-certificate-day = Completed on
web-certificate-community = Community
web-certificate-id = Certificate id
certificate-name-needed = Your chat name cannot be printed as it is: say the name to print, like /certificate { $id } as Ada Lovelace.
certificate-exam = { $course } ends with an exam: take drop #{ $exam } and rate it (/rate { $exam } 1-5), then ask again.
