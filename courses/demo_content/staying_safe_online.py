"""Demo course: Staying safe online: passwords and scams."""

COURSE = {
    "slug": "staying-safe-online",
    "title": "Staying safe online: passwords and scams",
    "summary": (
        "Learn to keep your accounts safe and to spot scams. A few small habits make a big "
        "difference."
    ),
    "audience": (
        "For anyone who uses the internet, or wants to start, and would like to feel safer."
    ),
    "outcomes": [
        "say why your passwords and personal details matter",
        "make strong passwords from three random words",
        "change a password and use a security code",
        "spot scam emails, texts and pop-ups",
        "check a website before you type in your details",
    ],
    "level": "getting_started",
    "skills": ["FND-8", "FND-9", "SAF-1", "SAF-7", "SAF-9", "SAF-10", "SAF-6"],
    "lessons": [
        {
            "slug": "why-your-details-matter",
            "title": "Why your details matter",
            "minutes": 10,
            "skills": ["FND-8", "SAF-1"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>Your passwords and personal details are valuable. Criminals want them. "
                        "They can use them to take your money or to pretend to be you.</p><p>The "
                        "good news is that a few simple habits keep you much safer. You will learn "
                        "them in this course.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>An <b>account</b> is your own space on a website or app. You sign in "
                        "to it with a user name or email address and a password.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Your <b>personal details</b> include:</p><ul><li>your full name, date "
                        "of birth and address</li><li>your bank card and account "
                        "numbers</li><li>your passwords and PINs</li><li>security codes sent to "
                        "your phone</li></ul>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Here are the main risks online:</p><ul><li><b>Scams</b>: messages or "
                        "calls that trick you into giving away money or details.</li><li><b>Stolen "
                        "passwords</b>: someone else gets into your accounts.</li><li><b>Harmful "
                        "software</b>: programs that damage your device or spy on you. People "
                        "often call these viruses.</li></ul>"
                    ),
                ),
                (
                    "tip",
                    (
                        "Your email account is the most important one to protect. If someone gets "
                        "into it, they can reset the passwords for your other accounts."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Think before you share on social media, like Facebook. Your pet's name, "
                        "birthday or home town can help criminals guess your passwords."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Everyone makes mistakes online, even experts. If something goes wrong, "
                        "act quickly and ask for help. There is no need to feel embarrassed. A "
                        "Digital Champion at your community centre can help.</p>"
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Think about your accounts",
                        "instructions": (
                            "Make a list of the accounts you use, like email, banking or shopping. "
                            "Do not write any passwords on it. Which ones would worry you most if "
                            "someone got in? Start with those in the next lesson."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "Why do criminals want your passwords? Choose all that are "
                                    "right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "To take money from your accounts",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. A password can open the door to your money."
                                        ),
                                    },
                                    {
                                        "text": "To pretend to be you",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. They may use your accounts to trick your friends "
                                            "or to apply for things in your name."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "They do not. Passwords have no value to anyone else."
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Sadly they do. Your passwords have real value to "
                                            "criminals. That is why we keep them safe."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": "Which account is the most important one to protect?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Your email account",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Your email can be used to reset the passwords "
                                            "for your other accounts."
                                        ),
                                    },
                                    {
                                        "text": "A game you play on your phone",
                                        "correct": False,
                                        "feedback": (
                                            "Games matter too, but your email matters most. It can "
                                            "unlock your other accounts."
                                        ),
                                    },
                                    {
                                        "text": "A shop's loyalty card account",
                                        "correct": False,
                                        "feedback": (
                                            "It is worth protecting, but your email matters more. "
                                            "It can unlock your other accounts."
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
            "slug": "making-strong-passwords",
            "title": "Making strong passwords",
            "minutes": 15,
            "skills": ["SAF-7"],
            "pass_mark_percent": 75,
            "body": [
                (
                    "text",
                    (
                        "<p>A strong password is long and hard to guess. A good way to make one is "
                        "to join <b>three random words</b>.</p><p>For example: "
                        "<i>PurpleKettleTrain</i>. It is easy for you to remember, but hard for "
                        "others to guess.</p>"
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Do not use the examples on this page. Everyone can see them! Make up your "
                        "own words."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Avoid passwords that are easy to guess, like:</p><ul><li>names of "
                        "family members or pets</li><li>birthdays or your house "
                        "number</li><li>simple ones like <i>password</i> or "
                        "<i>123456</i></li></ul>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Use a <b>different password</b> for each important account. If one "
                        "password is stolen, your other accounts stay safe.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Make a three-word password",
                        "steps": [
                            "Think of three words that have nothing to do with each other.",
                            (
                                "Do not use words about your life, like your street or your "
                                "football team."
                            ),
                            "Put the words together with no spaces.",
                            (
                                "Some websites ask for more. If so, add a capital letter, a number "
                                "or a symbol, like ! or ?."
                            ),
                            "Say it to yourself a few times to help you remember it.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Your phone can save your passwords for you. So can your browser, the app "
                        "you use to visit websites. This is called a password manager. It "
                        "remembers them so you do not have to."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Never let a shared computer, like one in a library, save your password. "
                        "The next person could get into your account."
                    ),
                ),
                (
                    "tip",
                    (
                        "It is fine to write passwords down. Keep the paper safe at home, away "
                        "from your device. Do not keep it with your bank card."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Make a password",
                        "instructions": (
                            "Make up a new three-word password for your email. Do not tell anyone, "
                            "and do not type it here. Practise saying it. In the next lesson, you "
                            "will learn how to change your password."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": "Which is the strongest password?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": (
                                            "Three random words joined together, like "
                                            "CactusPencilOcean"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Three random words are long, hard to guess and "
                                            "easy to remember."
                                        ),
                                    },
                                    {
                                        "text": "Password1",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. This is one of the first passwords "
                                            "criminals try. Three random words are much stronger."
                                        ),
                                    },
                                    {
                                        "text": "Your dog's name and your birthday",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Other people may know these, or find them "
                                            "online. Random words are safer."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Why should you use a different password for each account?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "If one is stolen, the others stay safe",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. One stolen password then only opens one door, "
                                            "not all of them."
                                        ),
                                    },
                                    {
                                        "text": "Websites do not let you use the same one twice",
                                        "correct": False,
                                        "feedback": (
                                            "Most websites will let you reuse a password. But it "
                                            "is safer not to. One stolen password could open all "
                                            "your accounts."
                                        ),
                                    },
                                    {
                                        "text": "It makes them easier to remember",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. More passwords can be harder to remember. "
                                            "A password manager can help. The real reason is "
                                            "safety."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Which are safe ways to keep track of your passwords? Choose "
                                    "all that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "A password manager on your own phone",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. It keeps your passwords locked away and fills "
                                            "them in for you."
                                        ),
                                    },
                                    {
                                        "text": "A note kept safely at home, away from your device",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. A note at home is fine, as long as it is kept "
                                            "somewhere safe."
                                        ),
                                    },
                                    {
                                        "text": "A sticky note on your screen",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Anyone who walks past could read it. Keep "
                                            "notes somewhere safe at home instead."
                                        ),
                                    },
                                    {
                                        "text": "Saving it on a library computer",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. The next person to use that computer could "
                                            "get into your account."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Which of these should you avoid in a password? Choose all "
                                    "that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Your pet's name",
                                        "correct": True,
                                        "feedback": (
                                            "Yes, avoid it. Friends, neighbours and social media "
                                            "may all know your pet's name."
                                        ),
                                    },
                                    {
                                        "text": "Your birthday",
                                        "correct": True,
                                        "feedback": (
                                            "Yes, avoid it. Birthdays are easy for others to find "
                                            "out."
                                        ),
                                    },
                                    {
                                        "text": "Three random words",
                                        "correct": False,
                                        "feedback": (
                                            "These are a great choice, so there is no need to "
                                            "avoid them. Just make sure they are random."
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
            "slug": "changing-passwords-and-using-security-codes",
            "title": "Changing passwords and using security codes",
            "minutes": 15,
            "skills": ["FND-9", "SAF-6"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>Sometimes a website asks you to change your password. You can also "
                        "change it yourself at any time.</p><p>Change it straight away if you "
                        "think someone else knows it.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Change a password",
                        "steps": [
                            "Sign in to the website or app.",
                            (
                                "Find Settings, My account or Profile. It is often behind a menu "
                                "button or your name."
                            ),
                            "Look for Security, Password or Sign-in.",
                            "Type your old password.",
                            (
                                "Type your new password. Some websites ask you to type it twice, "
                                "to check it."
                            ),
                            "Tap Save or Change password.",
                            "Use the new password next time you sign in.",
                        ],
                    },
                ),
                (
                    "text",
                    (
                        "<p>Forgotten a password? Look for a link that says <b>Forgot "
                        "password</b>. A link is a word or button you tap to go to another page. "
                        "The website will email or text you to help you make a new password.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Many accounts ask for a <b>security code</b> as well as your password. "
                        "This is called <b>two-step verification</b>. A thief would need your "
                        "password and your phone to get in.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Use a security code",
                        "steps": [
                            "Sign in with your password as usual.",
                            "The website sends a short code to your phone, often by text message.",
                            "Type the code into the website. Codes only work for a few minutes.",
                            "Tap Continue or Verify.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Turn on two-step verification for your email and your bank, if you can. "
                        "Look for it in the Security settings."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Never tell anyone a security code. Not even someone who says they are "
                        "from your bank, your landlord or the police. Real staff will never ask "
                        "for it."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Did you get a code you did not ask for? Do not share it. Someone may "
                        "be trying to get into your account. Change your password to be safe.</p>"
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Change a password",
                        "instructions": (
                            "Pick one account, like your email. Change its password to a new "
                            "three-word password. If you get stuck, a Digital Champion at your "
                            "community centre can sit with you while you do it."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "You get a security code by text. Then a caller says they are "
                                    "from your bank and asks for it. What do you do?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Do not share it, and end the call",
                                        "correct": True,
                                        "feedback": (
                                            "Yes, well done. Your bank will never ask for a code. "
                                            "Only a scammer would."
                                        ),
                                    },
                                    {
                                        "text": "Read it out, because they are from the bank",
                                        "correct": False,
                                        "feedback": (
                                            "Please do not. Real bank staff never ask for your "
                                            "codes. The caller is almost certainly a scammer."
                                        ),
                                    },
                                    {
                                        "text": "Ask them to prove who they are, then share it",
                                        "correct": False,
                                        "feedback": (
                                            "Scammers can sound very convincing and may know "
                                            "things about you. Never share a code, whatever they "
                                            "say."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "When should you change a password? Choose all that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "When a website asks you to",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Follow the steps it gives you, and choose a new "
                                            "strong password."
                                        ),
                                    },
                                    {
                                        "text": "If you think someone else knows it",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Change it straight away to lock them out."
                                        ),
                                    },
                                    {
                                        "text": "Every time you turn on your phone",
                                        "correct": False,
                                        "feedback": (
                                            "There is no need for that! Change it when you are "
                                            "asked, or if you think it is known."
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
            "slug": "spotting-scam-emails-texts-and-pop-ups",
            "title": "Spotting scam emails, texts and pop-ups",
            "minutes": 20,
            "skills": ["SAF-10"],
            "pass_mark_percent": 75,
            "body": [
                (
                    "text",
                    (
                        "<p>A <b>scam</b> is a trick to get your money or your details. Scams can "
                        "come by email, text, phone call, social media or pop-up.</p><p>A "
                        "<b>pop-up</b> is a small box that suddenly appears on top of a web "
                        "page.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Many scams include a <b>link</b>. A link is a word, button or web "
                        "address that you tap to go to a web page. A scam link takes you to a fake "
                        "website that steals your details.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Watch for these warning signs:</p><ul><li>It rushes you: <i>act now or "
                        "your account will close</i>.</li><li>It offers a prize, refund or money "
                        "you did not expect.</li><li>It asks for passwords, codes or bank "
                        "details.</li><li>It asks you to pay in an odd way, like with gift "
                        "cards.</li><li>The spelling or the sender's address looks "
                        "wrong.</li></ul>"
                    ),
                ),
                (
                    "tip",
                    (
                        "Some scams use your real name. So a message with your name in it is not "
                        "proof that it is real."
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Check who sent an email",
                        "steps": [
                            "Look at the sender's name at the top of the email.",
                            "Tap or click the name to see their full email address.",
                            "Check the part after the @ sign. Does it match the real company?",
                            "Look for small changes, like a number 1 in place of the letter l.",
                        ],
                    },
                ),
                (
                    "steps",
                    {
                        "title": "Check a link on a computer",
                        "steps": [
                            "Rest the mouse pointer on the link. Do not click.",
                            (
                                "Look at the bottom corner of the screen. It shows where the link "
                                "really goes."
                            ),
                            "If the address looks odd, do not click.",
                        ],
                    },
                ),
                (
                    "text",
                    (
                        "<p>Checking a link is harder on a phone. If you are in any doubt, do not "
                        "tap it.</p><p>Instead, go to the company's website yourself. Or call a "
                        "number you already trust, like the one on your bank card.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Some pop-ups say your device has a virus. They tell you to call a "
                        "number or download something. These are scams.</p><p>Do not call the "
                        "number. Close the page or the browser.</p>"
                    ),
                ),
                ("tip", "If a pop-up will not close, turn your device off and on again."),
                (
                    "tip",
                    (
                        "You can forward scam texts to 7726 for free. This helps phone companies "
                        "block scammers."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Tapped a link or gave details by mistake? Do not panic. Change your "
                        "password straight away. If you gave bank details, call your bank on the "
                        "number on your card. Then tell a Digital Champion. It happens to lots of "
                        "people."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Spot the signs",
                        "instructions": (
                            "Look through your emails or texts with a Digital Champion or a "
                            "friend. Can you find any with warning signs? Do not tap any links. "
                            "Delete the messages you do not trust."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "An email says: 'Your account will close today! Click here to "
                                    "stop it.' What are the warning signs? Choose all that are "
                                    "right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "It rushes you",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Scammers rush you so that you do not stop and "
                                            "think."
                                        ),
                                    },
                                    {
                                        "text": "It asks you to click a link",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. The link could lead to a fake website. Go to the "
                                            "real website yourself instead."
                                        ),
                                    },
                                    {
                                        "text": "It is written in English",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Most emails you get are in English, real "
                                            "or not. Look for rushing and links instead."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "A pop-up says your computer has a virus. It tells you to call "
                                    "a number. What should you do?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Close the page and do not call",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Real warnings never ask you to call a number "
                                            "from a pop-up."
                                        ),
                                    },
                                    {
                                        "text": "Call the number quickly",
                                        "correct": False,
                                        "feedback": (
                                            "Please do not. The person who answers will be a "
                                            "scammer. Close the page instead."
                                        ),
                                    },
                                    {
                                        "text": "Download the program it offers",
                                        "correct": False,
                                        "feedback": (
                                            "Please do not. The program could be the harmful "
                                            "software itself. Close the page instead."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Your landlord always emails you from an address ending "
                                    "@example.org. You get an email from one ending @example.com. "
                                    "What should you do?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": (
                                            "Treat it as a possible scam, and do not click anything"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Yes, well spotted. A different ending is a warning "
                                            "sign. Contact your landlord in the usual way to "
                                            "check."
                                        ),
                                    },
                                    {
                                        "text": "Trust it, because it is nearly the same",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Scammers often use addresses that look "
                                            "nearly the same. Small changes matter."
                                        ),
                                    },
                                    {
                                        "text": "Reply with your details to check",
                                        "correct": False,
                                        "feedback": (
                                            "Please do not. Replying would send your details to "
                                            "whoever sent the email."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "You tapped a link in a scam text. Then you typed your email "
                                    "password. What should you do first?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Change your email password straight away",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Changing it quickly locks the scammer out. Well "
                                            "done for acting fast."
                                        ),
                                    },
                                    {
                                        "text": "Do nothing and hope for the best",
                                        "correct": False,
                                        "feedback": (
                                            "It is better to act. Change your password straight "
                                            "away, then ask for help if you need it."
                                        ),
                                    },
                                    {
                                        "text": "Keep it to yourself, because it was your mistake",
                                        "correct": False,
                                        "feedback": (
                                            "Please do tell someone. Scammers fool lots of people. "
                                            "Getting help quickly is the best thing to do."
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
            "slug": "checking-a-website-is-safe",
            "title": "Checking a website is safe",
            "minutes": 15,
            "skills": ["SAF-9"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>Check the website before you type in personal details or pay for "
                        "something. Look at the address bar at the top or bottom of your "
                        "browser.</p><p>A <b>browser</b> is the app you use to visit websites, "
                        "like Chrome or Safari.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>A safe address starts with <b>https</b>. The <i>s</i> stands for "
                        "secure. Some browsers also show a <b>padlock</b> next to the address. "
                        "Newer versions of Chrome show a small symbol of two sliders "
                        "instead.</p><p>These mean the connection is private. Other people cannot "
                        "see what you type as it travels to the website.</p>"
                    ),
                ),
                (
                    "tip",
                    (
                        "Some browsers hide the https part. Tap the address bar to see the full "
                        "address."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "A padlock does not prove a website is honest. Scammers can get a padlock "
                        "too. It only means the connection is private. You still need to check who "
                        "runs the website."
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Check a website",
                        "steps": [
                            "Look at the address. Is it spelled exactly right?",
                            "Check the ending, like .org, .com or .gov.uk.",
                            "Look for https and the padlock before you type any details.",
                            (
                                "Go to important websites by typing the address yourself. Do not "
                                "use links in messages."
                            ),
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Save the websites you use often as a bookmark. A bookmark is a saved link "
                        "in your browser. Then you always go to the real website."
                    ),
                ),
                ("tip", "If a deal looks too good to be true, it is probably a scam."),
                (
                    "watch_out",
                    (
                        "Sometimes a browser shows a warning, like 'Your connection is not "
                        "private'. Go back. Do not type any details on that website."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Find the padlock",
                        "instructions": (
                            "Open your browser and go to example.org. Tap the address bar to see "
                            "the full address. Can you see https? Look for the padlock or symbol "
                            "next to it."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": "What does a padlock next to a web address tell you?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "The connection is private",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Others cannot read what you send. But it does "
                                            "not prove the website is honest."
                                        ),
                                    },
                                    {
                                        "text": "The website is honest and safe to buy from",
                                        "correct": False,
                                        "feedback": (
                                            "Lots of people think this. But scammers can get a "
                                            "padlock too. It only means the connection is private."
                                        ),
                                    },
                                    {
                                        "text": "The website is run by the government",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Any website can have a padlock. It only "
                                            "means the connection is private."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Which of these help you check a website? Choose all that are "
                                    "right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "The address starts with https",
                                        "correct": True,
                                        "feedback": "Yes. This shows the connection is private.",
                                    },
                                    {
                                        "text": "The address is spelled exactly right",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Fake websites often use an address that is "
                                            "nearly right."
                                        ),
                                    },
                                    {
                                        "text": "The website has lots of bright pictures",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Anyone can make a website look good. Check "
                                            "the address instead."
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
