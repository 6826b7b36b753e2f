"""Demo course: Managing money online."""

COURSE = {
    "slug": "managing-money-online",
    "title": "Managing money online",
    "summary": (
        "Learn the basics of online banking and paying safely, including paying your rent. We also "
        "show you how to spot payment scams."
    ),
    "audience": (
        "For anyone with a bank account who wants to check and manage their money online, safely."
    ),
    "outcomes": [
        "sign in to online banking safely and check your balance",
        "choose a safe way to pay for things online",
        "pay your rent online or set up a regular payment",
        "spot the signs of a payment scam",
        "know what to do if something goes wrong",
    ],
    "level": "next_steps",
    "skills": ["TRN-3", "TRN-5", "SAF-9", "SAF-10"],
    "lessons": [
        {
            "slug": "online-banking-the-basics",
            "title": "Online banking: the basics",
            "minutes": 15,
            "skills": ["TRN-5", "SAF-9"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "watch_out",
                    (
                        "We will never ask for your real bank details in this course. Please do "
                        "not type them into any practice task."
                    ),
                ),
                (
                    "text",
                    (
                        "<p><b>Online banking</b> lets you see and manage your bank account on a "
                        "phone, tablet or computer. You can check your balance, see what you have "
                        "spent and pay bills.</p><p>Your <b>balance</b> is how much money is in "
                        "your account.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>You can bank online in two ways:</p><ul><li>with your bank's "
                        "<b>app</b> on a phone or tablet. An app is a program on your "
                        "device.</li><li>on your bank's <b>website</b>, in a browser. A browser is "
                        "the app you use to visit websites.</li></ul><p>The app is often easiest "
                        "on a phone. Some let you sign in with your fingerprint or face.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Get started with online banking",
                        "steps": [
                            (
                                "Get your bank's own app from the App Store or Google Play. Check "
                                "the bank's name carefully."
                            ),
                            (
                                "Or type your bank's website address yourself. You can find it on "
                                "a bank letter or statement."
                            ),
                            (
                                "Check the address starts with https and has a padlock. This means "
                                "the connection is private."
                            ),
                            "Tap Register, or Sign up for online banking.",
                            (
                                "Follow the steps. You will need your bank card and some details "
                                "about you."
                            ),
                            "Make a strong password that you do not use anywhere else.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Your bank can also help you set up online banking in a branch or on the "
                        "phone."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Each time you sign in, your bank checks it is really you. It may send "
                        "a code by text, or ask you to approve it in the app.</p>"
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Your bank will never ask for your full password or your PIN by email, "
                        "text or phone. Some banks ask for a few letters of a password, like the "
                        "2nd and 5th. That is normal on their own website or app. It is never "
                        "normal on a call."
                    ),
                ),
                (
                    "tip",
                    (
                        "Always sign out when you finish. Never save your bank password on a "
                        "shared computer."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Look, but do not sign in",
                        "instructions": (
                            "With a Digital Champion, type your bank's website address into a "
                            "browser. Find the https and the padlock. Find the Sign in and Help "
                            "pages. Do not sign in or type any details."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "Someone calls and says they are from your bank. They ask for "
                                    "your full password to 'check your account'. What do you do?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Say no and hang up",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Your bank will never ask for your full password. "
                                            "This is a scam."
                                        ),
                                    },
                                    {
                                        "text": "Give it, because they know your name",
                                        "correct": False,
                                        "feedback": (
                                            "Scammers often know your name and more. Your bank "
                                            "will never ask for your password, so hang up."
                                        ),
                                    },
                                    {
                                        "text": "Give only half of it",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Do not give any of it on a call. Hang up, "
                                            "then call your bank on the number on your card."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Which are safe habits for online banking? Choose all that are "
                                    "right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Use your bank's own app",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Get it from the App Store or Google Play, and "
                                            "check the name."
                                        ),
                                    },
                                    {
                                        "text": "Sign out when you finish",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. This is extra important on a shared computer."
                                        ),
                                    },
                                    {
                                        "text": "Save your password on a library computer",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. The next person could get into your "
                                            "account. Only save passwords on your own device."
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
            "slug": "ways-to-pay-online",
            "title": "Ways to pay online",
            "minutes": 15,
            "skills": ["TRN-3", "SAF-9"],
            "pass_mark_percent": 75,
            "body": [
                (
                    "text",
                    (
                        "<p>There are a few ways to pay online. Choose the one that suits you and "
                        "feels safe.</p><ul><li><b>Debit card</b>: takes money straight from your "
                        "bank account.</li><li><b>Credit card</b>: you borrow the money and pay it "
                        "back later. Pay it all back on time to avoid interest. Interest is an "
                        "extra charge.</li><li><b>Bank transfer</b>: you send money from your bank "
                        "account to someone else's. You use their sort code and account "
                        "number.</li><li><b>Phone wallet</b>: like Apple Pay or Google Pay. You "
                        "pay with your phone instead of typing in card "
                        "details.</li><li><b>PayPal</b>: an account linked to your card, so shops "
                        "do not see your card details.</li></ul>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Pay by card on a website",
                        "steps": [
                            "Check the website address is right. Look for https and a padlock.",
                            "Put what you want in your basket, then choose Checkout.",
                            "Type the long number from your card.",
                            "Type the expiry date and the name on the card.",
                            "Type the 3-digit security code from the back of the card.",
                            (
                                "Your bank may send a code, or ask you to approve the payment in "
                                "its app."
                            ),
                            "Check the total, then tap Pay.",
                        ],
                    },
                ),
                (
                    "watch_out",
                    (
                        "Never type your PIN on a website. Shops never need your PIN online. Your "
                        "PIN is only for cash machines and card machines in shops."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "A padlock means the connection is private. It does not prove the shop is "
                        "honest. Read reviews, and be careful of prices that look too good to be "
                        "true."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>When you pay by bank transfer, your bank checks the name on the "
                        "account you are paying. If it says the name does not match, stop. Check "
                        "with the person before you pay.</p>"
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Money sent by bank transfer moves fast. Always check who you are paying "
                        "before you send it. If you are not sure, do not send it."
                    ),
                ),
                (
                    "tip",
                    (
                        "Paying by credit card gives you extra legal protection for things costing "
                        "between £100 and £30,000. But only use credit if you can pay it back."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Get to know your card",
                        "instructions": (
                            "Look at your own bank card at home. Find the long number, the expiry "
                            "date and the security code. Do not write them down or type them "
                            "anywhere. Just know where they are."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "A shopping website asks for your card PIN. What does this "
                                    "mean?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "It is a scam. Stop and leave the website.",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. No real shop ever asks for your PIN online."
                                        ),
                                    },
                                    {
                                        "text": "It is normal for big orders",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. No honest website needs your PIN, whatever "
                                            "the order. Leave the website."
                                        ),
                                    },
                                    {
                                        "text": "It is fine if the website has a padlock",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. A padlock only means the connection is "
                                            "private. Scam websites can have one too."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Which of these are ways to pay online? Choose all that are "
                                    "right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Debit card",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. It takes money straight from your bank account."
                                        ),
                                    },
                                    {
                                        "text": "Bank transfer",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Check who you are paying before you send it."
                                        ),
                                    },
                                    {
                                        "text": "A phone wallet, like Apple Pay or Google Pay",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. It means you do not need to type in your card "
                                            "details."
                                        ),
                                    },
                                    {
                                        "text": "Cash in an envelope",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Cash in the post is not an online payment, "
                                            "and it is not safe either."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "You set up a bank transfer. Your bank says the name does not "
                                    "match the account. What should you do?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": (
                                            "Stop, and check the details with the person you are "
                                            "paying"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Yes. A mismatch can mean a mistake, or a scam. Check "
                                            "before you send anything."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Pay anyway. It is probably a small spelling mistake."
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "It might be, but it might be a scam. Always check "
                                            "first. It only takes a moment."
                                        ),
                                    },
                                    {
                                        "text": "Pay twice to make sure it arrives",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. That could mean losing twice as much. Stop "
                                            "and check the details first."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "A website has a padlock next to its address. Does that prove "
                                    "the shop is honest?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "No. It only means the connection is private.",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Scam websites can have a padlock too. Check the "
                                            "address and read reviews."
                                        ),
                                    },
                                    {
                                        "text": "Yes, padlocks are only given to honest shops",
                                        "correct": False,
                                        "feedback": (
                                            "Lots of people think this. But scammers can get "
                                            "padlocks too. It only means the connection is "
                                            "private."
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
            "slug": "paying-your-rent-online",
            "title": "Paying your rent online",
            "minutes": 15,
            "skills": ["TRN-3", "TRN-5"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>Paying rent online is quick, and you can do it at any time. You also "
                        "get a record that you have paid.</p><p>Your landlord gives you a <b>rent "
                        "reference</b>, sometimes called a payment reference. It is on your rent "
                        "letters and statements. It tells your landlord the money is from you.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>There are three common ways to pay rent online:</p><ul><li><b>Direct "
                        "Debit</b>: you let your landlord take the rent from your bank account on "
                        "set dates. It happens by itself.</li><li><b>Standing order</b>: you tell "
                        "your bank to send a set amount on set dates. If your rent changes, you "
                        "change it yourself.</li><li><b>One-off card payment</b>: you pay on your "
                        "landlord's website or app, whenever you choose.</li></ul>"
                    ),
                ),
                (
                    "tip",
                    (
                        "Direct Debits are protected by the Direct Debit Guarantee. If the wrong "
                        "amount is taken, your bank pays it back straight away."
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Make a one-off rent payment",
                        "steps": [
                            (
                                "Go to your landlord's website by typing the address yourself, or "
                                "open their app."
                            ),
                            "Sign in to your account.",
                            "Choose Pay my rent, or Make a payment.",
                            "Check that your rent reference is shown, or type it in.",
                            "Type the amount you want to pay.",
                            "Type your card details and check the total.",
                            "Tap Pay. Wait for the page that says your payment worked.",
                            "Keep the receipt number, or take a photo of the screen.",
                        ],
                    },
                ),
                (
                    "steps",
                    {
                        "title": "Set up a standing order in your banking app",
                        "steps": [
                            "Sign in to your banking app.",
                            "Find Payments, then Standing orders.",
                            "Choose to add a new one.",
                            (
                                "Type your landlord's bank details. You will find them on your "
                                "rent letter."
                            ),
                            "Type your rent reference exactly as it is shown.",
                            "Choose the amount, how often to pay and the start date.",
                            "Check everything, then confirm.",
                        ],
                    },
                ),
                (
                    "watch_out",
                    (
                        "Your landlord will not suddenly change their bank details by text or "
                        "email. If you get a message like this, do not pay. Phone your landlord on "
                        "a number you already know, and check."
                    ),
                ),
                (
                    "tip",
                    (
                        "Check your rent account online each month. You can see what you have "
                        "paid, and if anything is owed."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Finding it hard to pay your rent? Tell your landlord as early as you "
                        "can. The sooner you talk, the more they can help.</p>"
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Find your rent reference",
                        "instructions": (
                            "Find a rent letter or statement from your landlord. Find your rent "
                            "reference on it. Keep it somewhere safe, but do not type it here."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "What is the difference between a Direct Debit and a standing "
                                    "order?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": (
                                            "With a Direct Debit your landlord takes the money. "
                                            "With a standing order you tell your bank to send it."
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Both happen by themselves once they are set up."
                                        ),
                                    },
                                    {
                                        "text": "They are exactly the same",
                                        "correct": False,
                                        "feedback": (
                                            "They are quite alike, but not the same. With a Direct "
                                            "Debit your landlord takes it. With a standing order "
                                            "you send it."
                                        ),
                                    },
                                    {
                                        "text": "A standing order is paid in cash",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Both are paid straight from your bank "
                                            "account. The difference is who sets up each payment."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "You get a text saying your landlord's bank details have "
                                    "changed. What should you do? Choose all that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Do not pay using the new details",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. This is a common scam. Wait until you have "
                                            "checked."
                                        ),
                                    },
                                    {
                                        "text": "Phone your landlord on a number you already know",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Do not use any number in the text. Use one from "
                                            "a letter or their website."
                                        ),
                                    },
                                    {
                                        "text": "Pay quickly, so you do not fall behind",
                                        "correct": False,
                                        "feedback": (
                                            "It is natural to worry about falling behind. But "
                                            "check first. Your landlord will understand."
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
            "slug": "spotting-payment-scams",
            "title": "Spotting payment scams",
            "minutes": 20,
            "skills": ["SAF-10", "TRN-5"],
            "pass_mark_percent": 75,
            "body": [
                (
                    "text",
                    (
                        "<p>Payment scams try to trick you into sending money or giving card "
                        "details. Scammers can be very convincing. Anyone can be caught out.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Here are some common payment scams:</p><ul><li><b>Fake delivery "
                        "texts</b>: a message says you must pay a small fee to get a parcel. The "
                        "link leads to a fake website that steals your card "
                        "details.</li><li><b>Safe account calls</b>: someone says they are from "
                        "your bank. They tell you to move your money to a 'safe account'. Your "
                        "bank will never do this.</li><li><b>Fake bills</b>: an email says a bill "
                        "is unpaid, or that bank details have changed.</li><li><b>Refunds and "
                        "prizes</b>: a message says you are owed money. It asks for your card "
                        "details to pay you.</li><li><b>'Hi Mum' messages</b>: someone says they "
                        "are your child with a new phone number, and asks for money.</li></ul>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>A <b>link</b> is a word, button or web address that you tap to open a "
                        "web page. Scam links look real, but lead to fake websites.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Watch for these warning signs:</p><ul><li>You are rushed or scared "
                        "into acting fast.</li><li>You are asked to keep it secret.</li><li>You "
                        "are asked to pay with gift cards, or with online money like "
                        "Bitcoin.</li><li>The link or email address does not match the real "
                        "company.</li></ul>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Stop, check, then act",
                        "steps": [
                            "Stop. Do not tap any link or call any number in the message.",
                            (
                                "Check. Contact the company yourself, using a number or website "
                                "you trust. The number on the back of your bank card is a good "
                                "one."
                            ),
                            (
                                "Ask. Talk to someone you trust, like a friend, family member or "
                                "Digital Champion."
                            ),
                            "Act. Only pay if you are sure it is real.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "You can call 159 to reach your bank safely. It works with most UK banks "
                        "and phone networks."
                    ),
                ),
                ("tip", "Forward scam texts to 7726 for free. This helps stop scammers."),
                (
                    "watch_out",
                    (
                        "Criminals can make a call or text look like it comes from your bank's "
                        "real number. If you are unsure, hang up. Call back on a number you trust, "
                        "ideally from a different phone."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Spot the scam",
                        "instructions": (
                            "Read this pretend text: 'Your parcel could not be delivered. Pay "
                            "£1.45 to rebook at parcel-help.example.com'. Which warning signs can "
                            "you see? Talk about it with a Digital Champion or a friend."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "Someone calls and says they are from your bank. They tell you "
                                    "to move your money to a 'safe account'. What should you do?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": (
                                            "Hang up, then call your bank on 159 or the number on "
                                            "your card"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Your bank will never ask you to move money to "
                                            "keep it safe. This is a scam."
                                        ),
                                    },
                                    {
                                        "text": "Move the money quickly to keep it safe",
                                        "correct": False,
                                        "feedback": (
                                            "Please do not. This is a well-known scam. Your bank "
                                            "will never ask you to do this."
                                        ),
                                    },
                                    {
                                        "text": "Stay on the line and give them your details",
                                        "correct": False,
                                        "feedback": (
                                            "Please do not. Hang up, and call your bank on a "
                                            "number you trust."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Which of these are warning signs of a scam? Choose all that "
                                    "are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "You are told to act right now",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Scammers rush you so you do not have time to "
                                            "think."
                                        ),
                                    },
                                    {
                                        "text": "You are told to keep it secret",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Scammers do not want you to talk to anyone who "
                                            "might warn you."
                                        ),
                                    },
                                    {
                                        "text": "You are asked to pay with gift cards",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Real companies do not ask to be paid with gift "
                                            "cards."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Your community centre texts you about a coffee morning"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Not every message is a scam! A friendly reminder that "
                                            "asks for no money or details is fine."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "A text from a new number says: 'Hi Mum, I broke my phone. Can "
                                    "you send me £200?' What should you do?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": (
                                            "Call your child on their old number, or see them, to "
                                            "check"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Talk to them in person or by voice before you "
                                            "send anything."
                                        ),
                                    },
                                    {
                                        "text": "Send the money straight away",
                                        "correct": False,
                                        "feedback": (
                                            "It is natural to want to help. But this is a common "
                                            "scam. Check with your child first."
                                        ),
                                    },
                                    {
                                        "text": "Reply with your bank details",
                                        "correct": False,
                                        "feedback": (
                                            "Please do not. This could give a scammer your "
                                            "details. Check with your child another way."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Which numbers are good to use to call your bank? Choose all "
                                    "that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "The number on the back of your bank card",
                                        "correct": True,
                                        "feedback": "Yes. This is your bank's real number.",
                                    },
                                    {
                                        "text": "159",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. 159 connects you to most UK banks safely."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "The number in a text that says it is from your bank"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Scammers put their own numbers in texts. "
                                            "Use the number on your card or 159."
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
            "slug": "if-something-goes-wrong",
            "title": "If something goes wrong",
            "minutes": 10,
            "skills": ["TRN-5", "SAF-10"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>If you think you have been scammed, call your bank straight away. The "
                        "sooner they know, the more they can do.</p><p>It is not your fault. "
                        "Scammers are clever, and they fool many thousands of people every "
                        "year.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "What to do if you are scammed",
                        "steps": [
                            "Call your bank on the number on the back of your card, or call 159.",
                            "Tell them what happened. They can stop payments and block your card.",
                            (
                                "If you typed in any passwords, change them. Start with your bank "
                                "and your email."
                            ),
                            "Report the scam to the police. A Digital Champion can show you how.",
                            "Tell someone you trust. You do not have to deal with it alone.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Keep a note of what happened: dates, times, names, numbers and messages. "
                        "Do not delete scam messages until you have reported them."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Banks now have to pay back many people who were tricked into sending "
                        "money. So always report it, even if you feel embarrassed.</p>"
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Be careful of people who offer to get your money back for a fee. This is "
                        "another scam."
                    ),
                ),
                (
                    "tip",
                    (
                        "Check your bank account online often. If you see a payment you do not "
                        "know about, call your bank."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Save the safe number",
                        "instructions": (
                            "Save 159 in your phone's contacts as 'My bank'. Then you have it "
                            "ready if you ever need it."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "You think you have paid a scammer. What should you do first?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Call your bank straight away",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. The sooner your bank knows, the more it can do "
                                            "to help."
                                        ),
                                    },
                                    {
                                        "text": "Wait a few days to see what happens",
                                        "correct": False,
                                        "feedback": (
                                            "It is better not to wait. Call your bank straight "
                                            "away. Every hour can make a difference."
                                        ),
                                    },
                                    {
                                        "text": "Keep it to yourself",
                                        "correct": False,
                                        "feedback": (
                                            "Please do tell someone. It is not your fault, and "
                                            "your bank may be able to help."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Someone offers to get your lost money back, if you pay them a "
                                    "fee first. What is this?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Another scam",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Scammers sometimes target people who have "
                                            "already been scammed. Talk to your bank instead."
                                        ),
                                    },
                                    {
                                        "text": "A helpful service",
                                        "correct": False,
                                        "feedback": (
                                            "Sadly not. Asking for a fee first is a warning sign. "
                                            "Talk to your bank instead."
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
