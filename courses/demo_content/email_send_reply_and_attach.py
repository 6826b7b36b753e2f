"""Demo course: Email: send, reply and attach."""

COURSE = {
    "slug": "email-send-reply-and-attach",
    "title": "Email: send, reply and attach",
    "summary": (
        "Learn to read, reply to and send emails, and to add photos or files. We also show you how "
        "to spot a scam email."
    ),
    "audience": (
        "For anyone who has an email address, or is about to get one, and wants to use it with "
        "confidence."
    ),
    "outcomes": [
        "open and read your emails",
        "reply to an email",
        "write and send a new email",
        "open an attachment and send one of your own",
        "spot a suspicious email before you open anything",
    ],
    "level": "getting_started",
    "skills": ["COM-1", "SAF-10"],
    "lessons": [
        {
            "slug": "reading-your-emails",
            "title": "Reading your emails",
            "minutes": 10,
            "skills": ["COM-1"],
            "body": [
                (
                    "text",
                    (
                        "<p><b>Email</b> is a way to send messages over the internet. It is short "
                        "for electronic mail.</p><p>Each person has their own <b>email "
                        "address</b>, like <i>sam.jones@example.org</i>. It always has an @ sign "
                        "in the middle. We say it as 'at'.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>You read and send emails in an <b>email app</b>, or on a website. An "
                        "app is a program on your phone, tablet or computer. Common email apps are "
                        "Gmail, Outlook and Mail.</p>"
                    ),
                ),
                (
                    "tip",
                    (
                        "No email address yet? A Digital Champion at your community centre can "
                        "help you set one up."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>New emails arrive in your <b>inbox</b>. The inbox is a list, with the "
                        "newest email at the top. Emails you have not opened yet are often shown "
                        "in <b>bold</b>.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Open and read an email",
                        "steps": [
                            "Open your email app.",
                            (
                                "Look at the list in your inbox. Each line shows who sent it, the "
                                "subject and when."
                            ),
                            "Tap or click an email to open it.",
                            "Scroll down to read all of it.",
                            "Tap the back arrow to return to your inbox.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "The subject is a few words that say what the email is about. It helps you "
                        "decide what to read first."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Your email app has other folders too:</p><ul><li><b>Sent</b>: emails "
                        "you have sent.</li><li><b>Spam</b> or <b>Junk</b>: emails that might be "
                        "unwanted or scams.</li><li><b>Bin</b> or <b>Trash</b>: emails you have "
                        "deleted. You can get them back for a while.</li></ul>"
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Look around your inbox",
                        "instructions": (
                            "Open your email app. Find your newest email and open it. Then find "
                            "the Sent folder and the Junk folder."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "replying-to-an-email",
            "title": "Replying to an email",
            "minutes": 10,
            "skills": ["COM-1"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>To answer an email, use <b>Reply</b>. Your answer goes straight back "
                        "to the person who sent it.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Reply to an email",
                        "steps": [
                            "Open the email you want to answer.",
                            "Tap or click Reply. It often looks like an arrow pointing left.",
                            "The address and the subject are filled in for you.",
                            "Type your message in the big box.",
                            "Read it through to check it.",
                            "Tap or click Send. It often looks like a paper aeroplane.",
                        ],
                    },
                ),
                (
                    "text",
                    (
                        "<p><b>Reply all</b> sends your answer to everyone who got the first "
                        "email. Use it only when everyone needs to see your "
                        "answer.</p><p><b>Forward</b> sends the email on to someone new. You type "
                        "in their address.</p>"
                    ),
                ),
                (
                    "tip",
                    (
                        "Start with a greeting, like 'Hi Sam'. End with your name. Keep it short "
                        "and friendly."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Take care with Reply all. It is easy to send a private message to a whole "
                        "group by mistake."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Reply to a friend",
                        "instructions": (
                            "Ask a friend or a Digital Champion to send you an email. Reply to say "
                            "thank you. Then check that your reply is in your Sent folder."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "You want to answer only the person who emailed you. Which "
                                    "button do you use?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Reply",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Reply sends your answer only to the person who "
                                            "wrote to you."
                                        ),
                                    },
                                    {
                                        "text": "Reply all",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Reply all sends your answer to everyone "
                                            "who got the email. Reply is the one you want."
                                        ),
                                    },
                                    {
                                        "text": "Forward",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Forward sends the email to someone new. "
                                            "Reply sends it back to the sender."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Which are good habits when you reply? Choose all that are "
                                    "right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Start with a greeting, like 'Hi Sam'",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. A greeting makes your email feel friendly."
                                        ),
                                    },
                                    {
                                        "text": "Read it through before you send it",
                                        "correct": True,
                                        "feedback": "Yes. A quick check helps you catch mistakes.",
                                    },
                                    {
                                        "text": "Write it all in capital letters",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Capital letters can feel like shouting "
                                            "online. Normal letters are easier to read too."
                                        ),
                                    },
                                ],
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "writing-and-sending-a-new-email",
            "title": "Writing and sending a new email",
            "minutes": 15,
            "skills": ["COM-1"],
            "body": [
                (
                    "text",
                    (
                        "<p>To write a new email, you need the other person's email address. Ask "
                        "them to write it down for you. Then you will get it exactly right.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>A new email has three main parts:</p><ul><li><b>To</b>: the email "
                        "address of the person you are writing to.</li><li><b>Subject</b>: a few "
                        "words to say what it is about.</li><li><b>Message</b>: what you want to "
                        "say.</li></ul>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Send a new email",
                        "steps": [
                            "Open your email app.",
                            (
                                "Tap or click Write, Compose or New. It may look like a pencil or "
                                "a plus sign."
                            ),
                            "In the To box, type the person's email address.",
                            (
                                "In the Subject box, type a few words, like 'Coffee morning on "
                                "Tuesday'."
                            ),
                            "Type your message in the big box.",
                            "Check the address and the message.",
                            "Tap or click Send.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "As you type an address, your app may suggest people you have emailed "
                        "before. Tap the right one to save time."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "One wrong letter in an address sends the email to the wrong place, or "
                        "nowhere. Check it carefully before you send. If you get an error email "
                        "back, check the spelling and try again."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Do not worry if you make a mistake. You can always send another email "
                        "to put it right. Some apps let you press Undo for a few seconds after you "
                        "send.</p>"
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Send an email",
                        "instructions": (
                            "Send a short email to a friend, a family member or a Digital "
                            "Champion. Give it a clear subject. Ask them to reply so you know it "
                            "arrived."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "attachments-opening-and-sending-files",
            "title": "Attachments: opening and sending files",
            "minutes": 15,
            "skills": ["COM-1", "SAF-10"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>An <b>attachment</b> is a file sent with an email. A <b>file</b> is "
                        "one saved item on your device, like a photo, a letter or a "
                        "form.</p><p>Emails with attachments usually show a <b>paperclip</b> "
                        "symbol.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Open an attachment",
                        "steps": [
                            "Open the email.",
                            (
                                "Scroll down to find the attachment. It shows a name and a small "
                                "picture."
                            ),
                            "Tap or click it once to open it.",
                            (
                                "To keep it, look for Download or Save. It often looks like an "
                                "arrow pointing down."
                            ),
                        ],
                    },
                ),
                (
                    "watch_out",
                    (
                        "Only open attachments you expect, from people you know. A scam attachment "
                        "can harm your device. If a friend sends something odd, check with them "
                        "another way first, like a phone call."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "If a file asks you to 'enable content' or 'enable editing', close it. "
                        "Scammers use this trick to put harmful software on your device."
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Send an attachment",
                        "steps": [
                            "Start a new email or a reply.",
                            "Tap or click the paperclip symbol.",
                            (
                                "Find the photo or file you want. You may need to choose Photos, "
                                "Files or Browse."
                            ),
                            "Tap or click the file to add it.",
                            "Wait until the attachment shows in your email.",
                            "Write your message and tap Send.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Big files, like videos, may be too large to send by email. Photos usually "
                        "work fine. Some apps offer to send a link instead. A link is an address "
                        "the other person taps to open the file."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Send a photo",
                        "instructions": (
                            "Email a photo to a friend or a Digital Champion. Choose a photo with "
                            "no people in it, like a flower or a view. Ask them to tell you when "
                            "it arrives."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": "What is an attachment?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": (
                                            "A file, like a photo or letter, sent with an email"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Look for the paperclip symbol to find one."
                                        ),
                                    },
                                    {
                                        "text": "The subject line of an email",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. The subject says what the email is about. "
                                            "An attachment is a file sent with it."
                                        ),
                                    },
                                    {
                                        "text": "A sticker on your computer",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. An attachment is a file, like a photo, "
                                            "that comes with an email."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Which attachments should make you careful? Choose all that "
                                    "are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": (
                                            "A file you did not expect, from someone you do not "
                                            "know"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Do not open it. It could harm your device."
                                        ),
                                    },
                                    {
                                        "text": "A file that asks you to 'enable content'",
                                        "correct": True,
                                        "feedback": "Yes. This is a common trick. Close the file.",
                                    },
                                    {
                                        "text": "A photo your sister told you she would send",
                                        "correct": False,
                                        "feedback": (
                                            "This one is fine to open. You expected it, and you "
                                            "know who sent it."
                                        ),
                                    },
                                ],
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "is-this-email-safe",
            "title": "Is this email safe?",
            "minutes": 10,
            "skills": ["SAF-10"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>Most emails are fine. But some are scams, called <b>phishing</b> "
                        "emails. You say it like 'fishing'.</p><p>Phishing emails pretend to be "
                        "from someone you trust. They want your money or your details.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Many phishing emails contain a <b>link</b>. A link is a word, button "
                        "or address that you tap to go to a web page. The link leads to a fake "
                        "website.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Check an email before you act",
                        "steps": [
                            "Look at the sender's full email address, not just their name.",
                            "Check the part after the @ sign. Is it the real company?",
                            "Ask yourself: was I expecting this?",
                            (
                                "Look for warning signs, like rushing you, prizes or asking for "
                                "details."
                            ),
                            "If you are not sure, do not tap links or open attachments.",
                            (
                                "Contact the company yourself, using a phone number or website you "
                                "already know."
                            ),
                        ],
                    },
                ),
                (
                    "text",
                    (
                        "<p>Here is an example. An email says it is from your landlord. But the "
                        "address ends in <i>@example.com</i>. Your landlord always uses "
                        "<i>@example.org</i>. That is a warning sign.</p>"
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Your bank and your landlord will never email you to ask for your password "
                        "or PIN."
                    ),
                ),
                (
                    "tip",
                    (
                        "Use the Report or Junk button in your email app for scam emails. This "
                        "helps your app catch more of them."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Check the sender",
                        "instructions": (
                            "Open three emails in your inbox. For each one, find the sender's full "
                            "email address. Does it match who the email says it is from?"
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "An email says it is from your landlord. What should you "
                                    "check? Choose all that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "The sender's full email address",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. The part after the @ sign should match your "
                                            "landlord's real address."
                                        ),
                                    },
                                    {
                                        "text": "Whether you were expecting it",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. An email you did not expect needs extra care."
                                        ),
                                    },
                                    {
                                        "text": "Whether the logo looks right",
                                        "correct": False,
                                        "feedback": (
                                            "Good thinking, but scammers can copy logos easily. A "
                                            "logo alone proves nothing. Check the address instead."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "An email says you have won a prize. It has an attachment. You "
                                    "did not enter a competition. What should you do?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Do not open it. Report it as junk or delete it.",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. A prize you did not enter for is a warning sign. "
                                            "Well done."
                                        ),
                                    },
                                    {
                                        "text": "Open the attachment to see the prize",
                                        "correct": False,
                                        "feedback": (
                                            "Please do not. The attachment could harm your device. "
                                            "It is best to delete the email."
                                        ),
                                    },
                                    {
                                        "text": "Reply with your address so they can post it",
                                        "correct": False,
                                        "feedback": (
                                            "Please do not. Replying tells scammers your email "
                                            "works, and gives them your details."
                                        ),
                                    },
                                ],
                            },
                        ],
                    },
                ),
            ],
        },
    ],
}
