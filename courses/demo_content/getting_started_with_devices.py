"""Demo course: Getting started with a phone, tablet or computer."""

COURSE = {
    "slug": "getting-started-with-devices",
    "title": "Getting started with a phone, tablet or computer",
    "summary": (
        "Learn to switch on your device, find your way around and get online. We go one small step "
        "at a time."
    ),
    "audience": (
        "For anyone who is new to phones, tablets or computers, or who wants more confidence."
    ),
    "outcomes": [
        "turn your device on and off",
        "use the buttons, the touch screen, a mouse and a keyboard",
        "find and open apps from the home screen",
        "make words bigger and sounds louder",
        "connect to Wi-Fi and visit a website",
    ],
    "level": "getting_started",
    "skills": ["FND-1", "FND-2", "FND-3", "FND-4", "FND-5", "FND-6", "FND-7"],
    "lessons": [
        {
            "slug": "turning-your-device-on-and-off",
            "title": "Turning your device on and off",
            "minutes": 10,
            "skills": ["FND-1"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>In this lesson you will turn your device on and off.</p><p>A "
                        "<b>device</b> is a phone, tablet or computer. We use this word a lot in "
                        "our courses.</p><p>Every device has a <b>power button</b>. It is often on "
                        "the side or the top.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Turn on a phone or tablet",
                        "steps": [
                            (
                                "Find the power button. It is usually on the right side or the top "
                                "edge."
                            ),
                            "Press and hold it for about 3 seconds.",
                            "Let go when the screen lights up or you see a logo.",
                            "Wait a minute while it starts. This is normal.",
                            (
                                "You may see a lock screen. Swipe up, or type your PIN. A PIN is a "
                                "short number code that you choose."
                            ),
                        ],
                    },
                ),
                (
                    "steps",
                    {
                        "title": "Turn on a computer",
                        "steps": [
                            "On a laptop, open the lid first. Some laptops turn on by themselves.",
                            (
                                "Find the power button. It often shows a circle with a short line "
                                "at the top."
                            ),
                            "Press it once, then let go.",
                            "Wait for the screen to show a picture or ask you to sign in.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Nothing happening? The battery may be empty. Plug in the charger, wait 15 "
                        "minutes and try again."
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Turn off a phone or tablet",
                        "steps": [
                            "Press and hold the power button.",
                            (
                                "On some phones, you hold the power button and a volume button "
                                "together."
                            ),
                            "A Power off or Shut down choice appears on the screen.",
                            "Tap it, or slide it if the screen asks you to.",
                        ],
                    },
                ),
                (
                    "steps",
                    {
                        "title": "Turn off a computer",
                        "steps": [
                            "Save anything you are working on.",
                            (
                                "Click the Start button in the corner of the screen. On a Mac, "
                                "click the apple symbol."
                            ),
                            "Click the power symbol if you see one.",
                            "Click Shut down.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "You do not need to turn your phone off every night. You can lock it "
                        "instead. Press the power button once to lock the screen."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Only hold down the power button on a computer if it is stuck. Turning it "
                        "off this way can lose your work."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Turn it off and on",
                        "instructions": (
                            "Turn your device off. Wait a few seconds. Then turn it on again. "
                            "Stuck? Ask a Digital Champion at your community centre. They are "
                            "happy to help."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": "How do you usually turn on a phone?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Press and hold the power button for a few seconds",
                                        "correct": True,
                                        "feedback": (
                                            "Yes, well done. Holding the button for a few seconds "
                                            "starts the phone."
                                        ),
                                    },
                                    {
                                        "text": "Tap the screen three times",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Tapping does not work when the phone is "
                                            "off. Try holding the power button instead."
                                        ),
                                    },
                                    {
                                        "text": "Press a volume button once",
                                        "correct": False,
                                        "feedback": (
                                            "Good guess, but the volume buttons only change the "
                                            "sound. The power button turns the phone on."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Your tablet will not turn on. What could you try? Choose all "
                                    "that help."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Plug in the charger and wait a while",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. The battery may be empty. Give it time to "
                                            "charge, then try again."
                                        ),
                                    },
                                    {
                                        "text": "Hold the power button a bit longer",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Some devices need you to hold the button for a "
                                            "few seconds."
                                        ),
                                    },
                                    {
                                        "text": "Ask a Digital Champion at your community centre",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Asking for help is a great idea. That is what "
                                            "they are there for."
                                        ),
                                    },
                                    {
                                        "text": "Buy a new tablet straight away",
                                        "correct": False,
                                        "feedback": (
                                            "Not yet! Most of the time the battery is just empty. "
                                            "Try charging it first."
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
            "slug": "buttons-touch-screens-and-keyboards",
            "title": "Buttons, touch screens and keyboards",
            "minutes": 15,
            "skills": ["FND-2"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>You control your device with buttons, touch, a mouse or a keyboard. It "
                        "depends on the device.</p><p>Phones and tablets have a <b>touch "
                        "screen</b>. You use your finger on the glass to make things happen.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Here are the main moves on a touch screen:</p><ul><li><b>Tap</b>: "
                        "touch the screen once, lightly. This opens or chooses "
                        "something.</li><li><b>Swipe</b>: slide your finger across the screen. "
                        "This moves between pages.</li><li><b>Scroll</b>: slide your finger up or "
                        "down. This moves you through a long page.</li><li><b>Pinch</b>: put two "
                        "fingers on the screen and spread them apart. This makes things bigger. "
                        "Move them together to make things smaller.</li><li><b>Press and hold</b>: "
                        "keep your finger still for a second or two. This often shows more "
                        "choices.</li></ul>"
                    ),
                ),
                (
                    "tip",
                    "Use the soft pad of your finger, not your nail. A light touch works best.",
                ),
                (
                    "text",
                    (
                        "<p>The buttons on the side of a phone or tablet do simple "
                        "jobs.</p><ul><li>The <b>power button</b> turns the screen on and "
                        "off.</li><li>The <b>volume buttons</b> make the sound louder or "
                        "quieter.</li></ul>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Computers use a <b>mouse</b> or a <b>touchpad</b>. A touchpad is the "
                        "flat square below a laptop keyboard.</p><p>When you move the mouse, an "
                        "arrow moves on the screen. Click the left button to choose something.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Type with the on-screen keyboard",
                        "steps": [
                            "Tap a box where you can type, such as a search box.",
                            "A keyboard appears at the bottom of the screen.",
                            "Tap the letters one at a time.",
                            "For a capital letter, tap the key with an arrow pointing up first.",
                            "For numbers, tap the key marked 123 or ?123.",
                            (
                                "To rub out a mistake, tap the delete key. It often shows an arrow "
                                "with a cross in it."
                            ),
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Your phone may guess the word you are typing. Check it before you send "
                        "anything. Sometimes it guesses wrong!"
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Practise the moves",
                        "instructions": (
                            "Open a photo on your phone or tablet. Pinch to make it bigger, then "
                            "smaller. Swipe to see the next photo. Take your time. You will not "
                            "break anything by practising."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": "How do you make a photo bigger on a touch screen?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Put two fingers on it and spread them apart",
                                        "correct": True,
                                        "feedback": (
                                            "Yes, that is called a pinch. Move your fingers "
                                            "together to make it smaller again."
                                        ),
                                    },
                                    {
                                        "text": "Press the power button",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. The power button turns the screen off. Try "
                                            "spreading two fingers apart on the photo."
                                        ),
                                    },
                                    {
                                        "text": "Tap the photo very hard",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Pressing hard does not help. A light touch "
                                            "with two fingers spread apart works best."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Which of these are ways to control a device? Choose all that "
                                    "are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Tapping a touch screen",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Tapping is the main way to use a phone or tablet."
                                        ),
                                    },
                                    {
                                        "text": "Clicking a mouse",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Most computers use a mouse or a touchpad."
                                        ),
                                    },
                                    {
                                        "text": "Typing on a keyboard",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. You type with a keyboard on a computer, or one "
                                            "on the screen of a phone."
                                        ),
                                    },
                                    {
                                        "text": "Wiping the screen with a cloth",
                                        "correct": False,
                                        "feedback": (
                                            "A clean screen does help you see! But wiping it does "
                                            "not control anything. Use touch, a mouse or a "
                                            "keyboard."
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
            "slug": "finding-your-way-around-the-home-screen",
            "title": "Finding your way around the home screen",
            "minutes": 10,
            "skills": ["FND-4"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>The <b>home screen</b> is the main screen you see after you unlock "
                        "your device. It is your starting point.</p><p>The small pictures on it "
                        "are called <b>icons</b>. Each icon opens an app.</p><p>An <b>app</b> is a "
                        "program that does one job. For example, there is a camera app, a messages "
                        "app and a settings app.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Open an app and go back home",
                        "steps": [
                            "Tap the icon of the app you want.",
                            "The app opens and fills the screen.",
                            "To go back home, swipe up from the bottom edge of the screen.",
                            (
                                "On some phones and tablets, press the home button or tap the "
                                "circle at the bottom instead."
                            ),
                        ],
                    },
                ),
                (
                    "text",
                    (
                        "<p>Your home screen may have more than one page. Swipe left or right to "
                        "see the other pages.</p><p>On many phones, you can see all your apps in "
                        "one list. Swipe up from the middle of the home screen to find it.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>On a computer, the main screen is called the <b>desktop</b>. Apps open "
                        "in boxes called <b>windows</b>.</p><p>To find your apps, click the Start "
                        "button. Or use the row of icons along the bottom of the screen.</p>"
                    ),
                ),
                (
                    "tip",
                    (
                        "Find the Settings app now. Its icon looks like a cog or a gear wheel. You "
                        "will use it in the next lessons."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "If you press and hold an icon, the icons may wiggle or show a menu. Do "
                        "not worry. Tap an empty part of the screen, or go back home, to stop it."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Find three apps",
                        "instructions": (
                            "Go to your home screen. Find the camera, the clock and the settings "
                            "apps. Open each one, then go back home."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": "What is an app?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "A program on your device that does one job",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. The camera, messages and settings are all apps."
                                        ),
                                    },
                                    {
                                        "text": "A type of charger",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. A charger gives your battery power. An app "
                                            "is a program you open by tapping its icon."
                                        ),
                                    },
                                    {
                                        "text": "The button on the side of a phone",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. That is a button. An app is a program you "
                                            "open from the home screen."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "How can you get back to the home screen on most phones? "
                                    "Choose all that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Swipe up from the bottom edge of the screen",
                                        "correct": True,
                                        "feedback": "Yes. This works on most newer phones.",
                                    },
                                    {
                                        "text": "Press the home button, if your phone has one",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Older phones and some tablets have a home button "
                                            "or a circle at the bottom."
                                        ),
                                    },
                                    {
                                        "text": "Press a volume button",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. The volume buttons only change the sound. "
                                            "Try swiping up from the bottom instead."
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
            "slug": "making-your-device-easier-to-use",
            "title": "Making your device easier to use",
            "minutes": 10,
            "skills": ["FND-3"],
            "body": [
                (
                    "text",
                    (
                        "<p>You can change your device to suit you. You can make words bigger, "
                        "sounds louder and the screen brighter.</p><p>These changes are called "
                        "<b>accessibility</b> settings. They help everyone, not just disabled "
                        "people.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Make the words bigger on a phone or tablet",
                        "steps": [
                            "Open the Settings app. Its icon looks like a cog.",
                            (
                                "Tap Display, or Accessibility. The name is different on different "
                                "devices."
                            ),
                            "Look for Text size or Font size. Font means the style of the letters.",
                            "Drag the slider to the right to make the words bigger.",
                            "Go back to the home screen to see the change.",
                        ],
                    },
                ),
                (
                    "steps",
                    {
                        "title": "Make things bigger on a computer",
                        "steps": [
                            "Open a web page or a document.",
                            "Hold down the Ctrl key. On a Mac, hold the Cmd key.",
                            (
                                "Press the + key to make things bigger. Press the - key to make "
                                "them smaller."
                            ),
                            "To go back to normal, hold Ctrl and press 0 (zero).",
                        ],
                    },
                ),
                (
                    "text",
                    (
                        "<p>There are other helpful tools too:</p><ul><li><b>Magnifier</b>: use "
                        "the camera like a magnifying glass to read small print.</li><li><b>Read "
                        "aloud</b>: your device reads the words on the screen to "
                        "you.</li><li><b>Dark mode</b>: light words on a dark screen. Some people "
                        "find it easier on the eyes.</li><li><b>Captions</b>: words on the screen "
                        "that show what is said in a video.</li></ul>"
                    ),
                ),
                (
                    "tip",
                    (
                        "You can search for a setting. In the Settings app, tap the search box or "
                        "the magnifying glass. Then type text size."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Has your device started talking, and taps work differently? You may have "
                        "turned on a screen reader by mistake. A screen reader reads out "
                        "everything on the screen. Ask a Digital Champion to help you turn it off."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Make it yours",
                        "instructions": (
                            "Open Settings and make the words one size bigger. Is it easier to "
                            "read? Keep it, or change it back. It is your choice."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "getting-online-with-wi-fi",
            "title": "Getting online with Wi-Fi",
            "minutes": 15,
            "skills": ["FND-5", "FND-6"],
            "pass_mark_percent": 75,
            "body": [
                (
                    "text",
                    (
                        "<p>The <b>internet</b> links computers all around the world. You can use "
                        "it to find information, watch videos, send messages and use "
                        "services.</p><p>To use the internet, your device needs a connection. "
                        "There are two main ways to connect.</p><ul><li><b>Wi-Fi</b> connects your "
                        "device to the internet without wires. You can use it at home, in a "
                        "library or at the community centre.</li><li><b>Mobile data</b> connects "
                        "your phone through your phone company. Most phone plans give you a set "
                        "amount each month.</li></ul>"
                    ),
                ),
                (
                    "tip",
                    "Use Wi-Fi when you can, especially for videos. It saves your mobile data.",
                ),
                (
                    "text",
                    (
                        "<p>Wi-Fi at home comes from a box called a <b>router</b>. Each Wi-Fi "
                        "network has a name. Most also need a password.</p><p>The name and "
                        "password are often on a sticker on your router.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Connect to Wi-Fi on a phone or tablet",
                        "steps": [
                            "Open the Settings app.",
                            "Tap Wi-Fi. Check that it is turned on.",
                            "Wait for a list of network names to appear.",
                            "Tap the name of the network you want.",
                            "Type the password carefully. Capital letters matter.",
                            "Tap Join or Connect.",
                            (
                                "Look for the Wi-Fi symbol at the top of the screen. It looks like "
                                "a fan of curved lines."
                            ),
                        ],
                    },
                ),
                (
                    "text",
                    (
                        "<p>Your device remembers a network once you have joined it. Next time, it "
                        "connects by itself.</p>"
                    ),
                ),
                (
                    "tip",
                    (
                        "A small padlock next to a network name means it needs a password. A "
                        "network with a password is safer to use."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Free public Wi-Fi, like in a café, is handy. But it is less private than "
                        "your own Wi-Fi. Avoid banking or shopping on it. Wait until you are home, "
                        "or use mobile data."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Only join networks you know. Scammers sometimes set up Wi-Fi with a name "
                        "like a real café or shop. If you are not sure, ask a member of staff for "
                        "the right name."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Find your Wi-Fi",
                        "instructions": (
                            "Find the sticker on your router at home. Or ask at your community "
                            "centre for the Wi-Fi name and password. Then connect your device "
                            "using the steps above."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": "What is Wi-Fi?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "A way to connect to the internet without wires",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Wi-Fi lets your device go online without "
                                            "plugging anything in."
                                        ),
                                    },
                                    {
                                        "text": "A type of phone charger",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. A charger fills your battery. Wi-Fi "
                                            "connects you to the internet."
                                        ),
                                    },
                                    {
                                        "text": "An app for sending messages",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. You need a connection, like Wi-Fi, to send "
                                            "messages. But Wi-Fi is not an app."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Where can you often find your home Wi-Fi name and password?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "On a sticker on your router",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Most routers have a sticker with the network "
                                            "name and password."
                                        ),
                                    },
                                    {
                                        "text": "In your phone's photos",
                                        "correct": False,
                                        "feedback": (
                                            "Not usually. Look for a sticker on the router, the "
                                            "box that gives you Wi-Fi."
                                        ),
                                    },
                                    {
                                        "text": "On your bank card",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Your bank card has nothing to do with "
                                            "Wi-Fi. Look on your router instead."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Why is it good to use Wi-Fi at home instead of mobile data? "
                                    "Choose all that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "It saves your mobile data",
                                        "correct": True,
                                        "feedback": "Yes. Then your monthly data lasts longer.",
                                    },
                                    {
                                        "text": "Videos use a lot of mobile data",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Watching videos on Wi-Fi stops you using up your "
                                            "data."
                                        ),
                                    },
                                    {
                                        "text": "Wi-Fi makes your battery last for ever",
                                        "correct": False,
                                        "feedback": (
                                            "Sadly not! Your battery still needs charging. But "
                                            "Wi-Fi does save your mobile data."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "You are in a café with free Wi-Fi and no password. What is "
                                    "best to avoid? Choose all that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Checking your bank account",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Public Wi-Fi is less private. Wait until you are "
                                            "home, or use mobile data."
                                        ),
                                    },
                                    {
                                        "text": "Typing passwords for important accounts",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Keep passwords for your own Wi-Fi or mobile data."
                                        ),
                                    },
                                    {
                                        "text": "Reading the news",
                                        "correct": False,
                                        "feedback": (
                                            "Reading the news is fine on public Wi-Fi. Just avoid "
                                            "anything private, like banking."
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
            "slug": "opening-a-browser-and-visiting-a-website",
            "title": "Opening a browser and visiting a website",
            "minutes": 15,
            "skills": ["FND-7"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>A <b>website</b> is a set of pages on the internet. Each website has "
                        "its own address, like example.org.</p><p>You visit websites with an app "
                        "called a <b>browser</b>. Common browsers are Chrome, Safari, Edge and "
                        "Firefox.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>At the top or bottom of the browser is a long box. This is the "
                        "<b>address bar</b>. You type a website address or a search into it.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Visit a website",
                        "steps": [
                            (
                                "Open your browser. Look for Chrome, Safari, Edge or Firefox on "
                                "your home screen."
                            ),
                            "Tap or click the address bar.",
                            "Type the address of the website, for example example.org.",
                            "Tap Go, or press the Enter key.",
                            "Wait for the page to load.",
                        ],
                    },
                ),
                (
                    "text",
                    (
                        "<p>Do not know the address? Type what you are looking for instead. For "
                        "example, type <i>bus times</i> and the name of your town. The browser "
                        "shows a list of results.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Words you can tap to go to another page are called <b>links</b>. They "
                        "are often blue or underlined.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Move around a website",
                        "steps": [
                            "Tap a link to open another page.",
                            "Tap the back arrow to go back one page.",
                            "Scroll down to see more of the page.",
                            "Tap the address bar to go somewhere new.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Many websites have a menu button with three short lines. Tap it to see "
                        "the main parts of the site."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Some search results are marked Ad or Sponsored. These are adverts. They "
                        "may not be the site you want. Look at the web address before you tap."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Visit a website",
                        "instructions": (
                            "Open your browser. Search for your local library, or the weather "
                            "where you live. Tap one result. Then use the back arrow to return."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": "What is a browser?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "An app you use to visit websites",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. You type an address or a search into it to find "
                                            "websites."
                                        ),
                                    },
                                    {
                                        "text": "A website about books",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite, though it sounds like one! A browser is "
                                            "the app you use to visit any website."
                                        ),
                                    },
                                    {
                                        "text": "The Wi-Fi box in your home",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. That box is called a router. A browser is "
                                            "an app on your device."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Which of these are browsers? Choose all that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Chrome",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Chrome is a browser. It is on many phones and "
                                            "computers."
                                        ),
                                    },
                                    {
                                        "text": "Safari",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Safari is the browser on iPhones, iPads and Macs."
                                        ),
                                    },
                                    {
                                        "text": "Edge",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Edge is the browser on most Windows computers."
                                        ),
                                    },
                                    {
                                        "text": "Wi-Fi",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Wi-Fi is how you connect to the internet. "
                                            "A browser is the app you then use to visit websites."
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
