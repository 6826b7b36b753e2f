"""Demo course: Filling in forms online: reporting a repair and applying for things."""

COURSE = {
    "slug": "filling-in-forms-online",
    "title": "Filling in forms online: reporting a repair and applying for things",
    "summary": (
        "Learn to fill in forms online, one step at a time. Report a repair, apply for help and "
        "send photos of documents."
    ),
    "audience": (
        "For anyone who can use a browser and wants to do everyday tasks online, like reporting a "
        "repair."
    ),
    "outcomes": [
        "fill in an online form and put right any mistakes",
        "set up an account on a website",
        "report a repair to your landlord online",
        "apply for things like a bus pass or a council tax reduction",
        "upload a photo of a document",
    ],
    "level": "next_steps",
    "skills": ["TRN-2", "TRN-4", "TRN-1"],
    "lessons": [
        {
            "slug": "how-online-forms-work",
            "title": "How online forms work",
            "minutes": 15,
            "skills": ["TRN-2"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>An <b>online form</b> is a web page where you type in information and "
                        "send it. It is like a paper form, but on a screen.</p><p>You use forms to "
                        "report repairs, apply for help, book appointments and much more.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Forms are made of a few kinds of parts:</p><ul><li><b>Text boxes</b>: "
                        "tap in the box and type.</li><li><b>Round buttons</b>, sometimes called "
                        "radio buttons: you choose one answer.</li><li><b>Tick boxes</b>: square "
                        "boxes. You can often tick more than one.</li><li><b>Drop-down lists</b>: "
                        "tap the box to see a list of choices, then tap "
                        "one.</li><li><b>Buttons</b>: like Continue, Back or Submit. Submit means "
                        "send.</li></ul>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Long forms are split into several pages. Tap <b>Continue</b> or "
                        "<b>Next</b> to move on. Most forms let you go back and change your "
                        "answers before you send them.</p>"
                    ),
                ),
                (
                    "tip",
                    (
                        "You must answer questions marked with a star (*) or the word required. "
                        "You can leave questions marked optional blank."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>If you miss something or make a mistake, the form will tell you. A "
                        "message, often in red, appears next to the question. Put it right and "
                        "carry on. This happens to everyone.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Fill in a form",
                        "steps": [
                            (
                                "Read the first page. It often tells you what you need before you "
                                "start."
                            ),
                            (
                                "Get ready what you need, like your address, reference numbers or "
                                "photos."
                            ),
                            "Answer one question at a time.",
                            "Tap Continue to go to the next page.",
                            "Check your answers on the last page.",
                            "Tap Submit or Send.",
                            "Write down your reference number, or take a photo of the screen.",
                        ],
                    },
                ),
                (
                    "watch_out",
                    (
                        "Some forms sign you out if you leave them for a while. This keeps your "
                        "details safe. Have everything ready before you start."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Look at a form",
                        "instructions": (
                            "With a Digital Champion, look at a simple form, like your library's "
                            "contact form. Find a text box, a tick box and a drop-down list. You "
                            "do not need to send it."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "A red message appears next to a question. What does it mean?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Something needs putting right before you carry on",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Read the message, fix the answer and carry on. "
                                            "Your other answers are still there."
                                        ),
                                    },
                                    {
                                        "text": "You have broken the website",
                                        "correct": False,
                                        "feedback": (
                                            "Do not worry, you have not broken anything! The form "
                                            "is just asking you to check an answer."
                                        ),
                                    },
                                    {
                                        "text": "You must start the form again",
                                        "correct": False,
                                        "feedback": (
                                            "Good news: you do not. Just fix that one answer and "
                                            "carry on."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "What might you need ready before you fill in a form? Choose "
                                    "all that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Your address",
                                        "correct": True,
                                        "feedback": "Yes. Most forms ask for it.",
                                    },
                                    {
                                        "text": "A reference number, like your tenancy reference",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. It helps the organisation find your details "
                                            "quickly."
                                        ),
                                    },
                                    {
                                        "text": "A photo, if the form asks for one",
                                        "correct": True,
                                        "feedback": "Yes. Taking it before you start saves time.",
                                    },
                                    {
                                        "text": "Your bank card PIN",
                                        "correct": False,
                                        "feedback": (
                                            "Not this one. No honest form ever asks for your PIN. "
                                            "If one does, stop."
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
            "slug": "setting-up-an-account",
            "title": "Setting up an account",
            "minutes": 15,
            "skills": ["TRN-1"],
            "body": [
                (
                    "text",
                    (
                        "<p>Many websites ask you to make an <b>account</b> before you can use "
                        "them. An account is your own space on a website. It keeps your details "
                        "and past requests in one place.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>To make an account, you usually need:</p><ul><li>an email address or a "
                        "mobile phone number</li><li>a new password, like three random "
                        "words</li><li>some details about you, like your name and "
                        "address</li></ul>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Set up an account",
                        "steps": [
                            "Go to the website by typing its address, or open its app.",
                            "Tap Create an account, Register or Sign up.",
                            "Type your email address carefully.",
                            (
                                "Make a new password. Use three random words, and do not reuse an "
                                "old password."
                            ),
                            "Fill in the other details it asks for.",
                            "Read the terms. Tick the box to agree, if you are happy to.",
                            "Tap Create account or Continue.",
                            (
                                "Look in your email for a message from the website. Tap the link "
                                "in it to confirm your account."
                            ),
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "It is fine to tap the link in that email, as long as you were expecting "
                        "it. Check that it comes from the website you just joined."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Only give the details a website needs. If a form asks for something odd, "
                        "like your bank PIN, stop. No honest website needs your PIN."
                    ),
                ),
                (
                    "tip",
                    (
                        "Some websites let you tick Remember me or Stay signed in. Only do this on "
                        "your own device, never on a shared computer."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>When you finish on a shared computer, always <b>sign out</b>. Look for "
                        "Sign out or Log out. It is often under your name or in a menu.</p>"
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Make an account",
                        "instructions": (
                            "With a Digital Champion, set up an account on a website you will "
                            "really use, like your local library's. Keep a note of the website's "
                            "name and the email address you used."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "reporting-a-repair-online",
            "title": "Reporting a repair online",
            "minutes": 20,
            "skills": ["TRN-2", "TRN-4"],
            "pass_mark_percent": 75,
            "body": [
                (
                    "text",
                    (
                        "<p>You can report most repairs to your landlord online, at any time of "
                        "day or night. You do not need to wait on the phone.</p>"
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Emergencies need a phone call, not a form. If you smell gas, do not "
                        "switch lights on or off. Get outside and call the gas emergency line on "
                        "0800 111 999. In Northern Ireland, call 0800 002 001. For other "
                        "emergencies, like a flood, phone your landlord's emergency repairs "
                        "number."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Before you start, have these ready:</p><ul><li>your address, or your "
                        "tenancy reference if you have one</li><li>a short description of the "
                        "problem: what, where and since when</li><li>a clear photo of the problem, "
                        "if you can</li><li>the times when you are at home to let someone "
                        "in</li></ul>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Report a repair",
                        "steps": [
                            "Go to your landlord's website and sign in to your account.",
                            "Find Report a repair. It is often on the home page or in a menu.",
                            "Choose the room, like the kitchen or bathroom.",
                            "Choose what is wrong, like a leaking tap or a broken light.",
                            "Describe the problem in a few short sentences.",
                            "Add a photo if the form asks for one.",
                            "Choose an appointment time, if the form offers one.",
                            "Check your answers, then tap Submit.",
                            "Write down your reference number, or take a photo of the screen.",
                        ],
                    },
                ),
                (
                    "text",
                    (
                        "<p>Good descriptions are short and clear. For example: <i>The kitchen tap "
                        "drips all the time. It started on Monday. Water is collecting under the "
                        "sink.</i></p>"
                    ),
                ),
                (
                    "tip",
                    (
                        "A photo helps the repairs team bring the right tools and parts. It can "
                        "save a second visit."
                    ),
                ),
                (
                    "tip",
                    (
                        "Keep your reference number safe. You will need it to check on the repair "
                        "or add more details."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Only use your landlord's real website. Type the address yourself. You can "
                        "find it on a letter from your landlord. Be careful with links in texts or "
                        "emails."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Get ready to report",
                        "instructions": (
                            "Think of a small repair in your home, or make one up. Write a short "
                            "description: what, where and since when. Take a practice photo. You "
                            "do not need to send a report."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": "You smell gas in your kitchen. What should you do?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": (
                                            "Get outside and call the gas emergency line on 0800 "
                                            "111 999"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Yes. A gas smell is an emergency. Always phone, and "
                                            "do it from outside."
                                        ),
                                    },
                                    {
                                        "text": "Fill in the online repair form",
                                        "correct": False,
                                        "feedback": (
                                            "Not for this one. Forms are for repairs that can "
                                            "wait. A gas smell needs a phone call straight away."
                                        ),
                                    },
                                    {
                                        "text": "Post about it in your neighbourhood group",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Nobody may see it in time. Get outside and "
                                            "call 0800 111 999 straight away."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "What makes a good repair description? Choose all that are "
                                    "right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "What is wrong",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Say what the problem is, like a dripping tap."
                                        ),
                                    },
                                    {
                                        "text": "Where it is",
                                        "correct": True,
                                        "feedback": "Yes. Say which room, and where in the room.",
                                    },
                                    {
                                        "text": "When it started",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. This helps the team understand how urgent it is."
                                        ),
                                    },
                                    {
                                        "text": "Everything that happened that week",
                                        "correct": False,
                                        "feedback": (
                                            "It is kind to want to explain, but short is best. "
                                            "Stick to what, where and when."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": "Why should you add a photo to a repair report?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "It helps the team bring the right tools and parts",
                                        "correct": True,
                                        "feedback": "Yes. A clear photo can save a second visit.",
                                    },
                                    {
                                        "text": "The report will not send without one",
                                        "correct": False,
                                        "feedback": (
                                            "Many forms let you send a report without a photo. But "
                                            "adding one really helps the repairs team."
                                        ),
                                    },
                                    {
                                        "text": "It makes the report look nicer",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. A photo is useful, not just nice. It shows "
                                            "the team exactly what is wrong."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "You have just sent your repair report. What should you keep?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "The reference number",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. You will need it to check on your repair."
                                        ),
                                    },
                                    {
                                        "text": "Nothing. You can just report it again.",
                                        "correct": False,
                                        "feedback": (
                                            "Reporting it twice can cause a mix-up. Keep the "
                                            "reference number so you can check on it."
                                        ),
                                    },
                                    {
                                        "text": "Your password, written on the form",
                                        "correct": False,
                                        "feedback": (
                                            "Please do not write your password down there. Keep "
                                            "the reference number instead."
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
            "slug": "uploading-a-photo-of-a-document",
            "title": "Uploading a photo of a document",
            "minutes": 15,
            "skills": ["TRN-4"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>Some forms ask you to send a copy of a document. It could be a proof "
                        "of address, like a recent bill, or a photo of you.</p><p>Sending a file "
                        "from your device to a website is called <b>uploading</b>. A <b>file</b> "
                        "is one saved item, like a photo or a document.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Take a clear photo of a document",
                        "steps": [
                            "Put the document flat on a table, in good light.",
                            "Hold your phone straight above it.",
                            "Make sure all four corners are in the picture.",
                            "Tap the screen to make it sharp, then take the photo.",
                            "Zoom in on the photo. Check that you can read every word.",
                        ],
                    },
                ),
                ("tip", "Turn the flash off and avoid shadows. Daylight near a window works well."),
                (
                    "steps",
                    {
                        "title": "Upload a file",
                        "steps": [
                            (
                                "Find the upload part of the form. The button may say Upload, "
                                "Choose file, Browse or Add file."
                            ),
                            "Tap or click the button.",
                            "Choose where the file is, like Photos, Gallery or Files.",
                            "Tap the photo or file you want.",
                            "Wait for it to finish. You may see a bar that fills up.",
                            "Check that the name or small picture shows the right file.",
                            "If it is wrong, tap Remove and try again.",
                        ],
                    },
                ),
                (
                    "tip",
                    "On a phone, the upload button may also let you take a photo there and then.",
                ),
                (
                    "text",
                    (
                        "<p>Forms usually say which types of file they accept. Two common types "
                        "are:</p><ul><li><b>JPG</b>: a common type of photo "
                        "file.</li><li><b>PDF</b>: a common type of document file.</li></ul>"
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Only upload documents to websites you trust, like your council or your "
                        "landlord. Check the address starts with https, and look for a padlock. "
                        "These show the connection is private. Never send a photo of your bank "
                        "card."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "On a shared computer, delete any document you saved when you finish. Then "
                        "sign out."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Photograph a document",
                        "instructions": (
                            "Take a photo of a leaflet or a menu, something with no private "
                            "details. Check that all four corners are in and every word is clear."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": "What does uploading mean?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Sending a file from your device to a website",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. For example, adding a photo of a letter to a "
                                            "form."
                                        ),
                                    },
                                    {
                                        "text": "Charging your phone",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Uploading means sending a file, like a "
                                            "photo, to a website."
                                        ),
                                    },
                                    {
                                        "text": "Making the words on screen bigger",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. That is zooming in. Uploading means "
                                            "sending a file to a website."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "What makes a good photo of a document? Choose all that are "
                                    "right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "All four corners are in the picture",
                                        "correct": True,
                                        "feedback": "Yes. Then nothing important is cut off.",
                                    },
                                    {
                                        "text": "Every word is sharp and easy to read",
                                        "correct": True,
                                        "feedback": "Yes. Zoom in to check before you upload it.",
                                    },
                                    {
                                        "text": "It is taken at an angle with the flash on",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. An angle can hide words, and the flash can "
                                            "cause glare. Take it flat, in daylight."
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
            "slug": "applying-for-help-and-services",
            "title": "Applying for help and services",
            "minutes": 15,
            "skills": ["TRN-2", "TRN-4"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>You can apply for many services online. For example, you can ask your "
                        "council for a council tax reduction or a free bus pass.</p><p>Online "
                        "forms are often quicker than paper ones. You can fill them in at home, or "
                        "at the community centre with help.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Here are two examples:</p><ul><li><b>Council tax reduction</b>: help "
                        "to pay your council tax if you have a low income. You apply to your local "
                        "council.</li><li><b>Older or disabled person's bus pass</b>: free bus "
                        "travel. You usually apply to your local council too.</li></ul>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>First, find the right website. Most council websites end in "
                        "<b>.gov.uk</b>. Search for your council's name and what you want, like "
                        "<i>council tax reduction</i>.</p>"
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Watch out for copycat websites. Some charge a fee for things that are "
                        "free. Others steal your details. Check the address, and do not pay for a "
                        "free service."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Have your details ready before you start. Every form is different, so "
                        "check the first page. You may need:</p><ul><li>your National Insurance "
                        "number</li><li>details of your income and any benefits</li><li>your "
                        "address, and how long you have lived there</li><li>a recent photo of your "
                        "face, for a bus pass</li><li>a photo of a document that proves your age "
                        "or address</li></ul>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Apply for something online",
                        "steps": [
                            "Go to the right website.",
                            "Read the first page to see who can apply and what you need.",
                            "Tap Start now or Apply.",
                            "Sign in, or set up an account if it asks you to.",
                            "Answer the questions, one page at a time.",
                            "Upload any photos or documents it asks for.",
                            "Check your answers carefully.",
                            "Submit the form, and keep your reference number.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Many forms let you save your answers and come back later. Look for Save "
                        "and come back later, or Save as draft."
                    ),
                ),
                (
                    "tip",
                    (
                        "Taking a photo of yourself for a bus pass? Stand in front of a plain, "
                        "light wall. Look straight at the camera. Take off sunglasses and hats."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>After you apply, you will usually get an email or a letter. It may ask "
                        "for more information. Reply by the date it gives.</p>"
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Find the right page",
                        "instructions": (
                            "Search for your council's name and 'bus pass'. Check the address of "
                            "the website. Does it end in .gov.uk? Read the first page and list "
                            "what you would need. You do not need to apply."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "A website asks you to pay £30 to apply for a free bus pass. "
                                    "What should you do?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": (
                                            "Leave that website and find your council's own website"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Copycat websites charge for free services. Your "
                                            "council's own website will not charge you to apply."
                                        ),
                                    },
                                    {
                                        "text": "Pay, because it will be quicker",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. You would be paying for something that is "
                                            "free, and sharing your card details with strangers."
                                        ),
                                    },
                                    {
                                        "text": "Pay, but only with a credit card",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. The service is free, so there is no need "
                                            "to pay at all. Find your council's own website "
                                            "instead."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "How can you tell you are on your council's real website? "
                                    "Choose all that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "The address ends in .gov.uk",
                                        "correct": True,
                                        "feedback": "Yes. Most council websites end this way.",
                                    },
                                    {
                                        "text": (
                                            "Your council's name is spelled right in the address"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Copycat websites often use a name that is nearly "
                                            "right."
                                        ),
                                    },
                                    {
                                        "text": "It was an advert at the top of the search results",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Adverts can lead to copycat websites. "
                                            "Check the address instead."
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
