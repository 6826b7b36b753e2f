"""Demo course: Video calls with family and friends."""

COURSE = {
    "slug": "video-calls-with-family-and-friends",
    "title": "Video calls with family and friends",
    "summary": (
        "Learn to see and talk to people with a video call. We also show you how to make calls "
        "easier to see and hear."
    ),
    "audience": (
        "For anyone who wants to make video calls to family, friends or services like their doctor."
    ),
    "outcomes": [
        "get your device ready for a video call",
        "make and answer a video call",
        "join a call from a link",
        "use the mute, camera and end call buttons",
        "make a call easier to see and hear",
    ],
    "level": "next_steps",
    "skills": ["COM-2", "FND-3"],
    "lessons": [
        {
            "slug": "getting-ready-for-a-video-call",
            "title": "Getting ready for a video call",
            "minutes": 10,
            "skills": ["COM-2"],
            "body": [
                (
                    "text",
                    (
                        "<p>A <b>video call</b> lets you see and hear someone while you talk. You "
                        "can make one on a phone, tablet or computer.</p><p>Video calls are a "
                        "great way to keep in touch with family and friends who live far away.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>You need:</p><ul><li>a device with a camera, a speaker and a "
                        "microphone. A microphone picks up your voice. Most phones, tablets and "
                        "laptops have all three.</li><li>an internet connection. Wi-Fi is best, "
                        "because video calls use a lot of data. Wi-Fi connects you to the internet "
                        "without wires.</li><li>a video calling app. The other person needs the "
                        "same app.</li></ul>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>An <b>app</b> is a program on your device. Popular video calling apps "
                        "include WhatsApp, FaceTime, Zoom, Microsoft Teams and Google Meet. "
                        "FaceTime is on iPhones and iPads.</p><p>Ask your family which app they "
                        "use. Then use that one.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>You get new apps from an <b>app store</b>. On an iPhone or iPad, this "
                        "is the App Store. On other phones and tablets, it is usually the Google "
                        "Play Store.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Get a video calling app",
                        "steps": [
                            "Open the app store on your device.",
                            "Tap the search box and type the app's name.",
                            (
                                "Check it is the real app. Look at the name, who made it and how "
                                "many people use it."
                            ),
                            "Tap Install or Get.",
                            "Open the app and follow the steps to set it up.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Sit in a quiet place, with light in front of you, not behind you. Then "
                        "people can see your face clearly."
                    ),
                ),
                (
                    "tip",
                    (
                        "Prop your phone or tablet up, for example against a book. Then your hands "
                        "are free and the picture stays still."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "The first time you use the app, it asks to use your camera and "
                        "microphone. Tap Allow, or people will not see or hear you."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Check your camera",
                        "instructions": (
                            "Open your camera app. Tap the symbol with two curved arrows to switch "
                            "to the front camera, the one facing you. Is your face clear and well "
                            "lit? Move until it is."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "making-and-answering-a-video-call",
            "title": "Making and answering a video call",
            "minutes": 15,
            "skills": ["COM-2"],
            "pass_mark_percent": 75,
            "body": [
                (
                    "text",
                    (
                        "<p>Making a video call is a lot like making a phone call. You choose a "
                        "person, tap a button and wait for them to answer.</p><p>We use WhatsApp "
                        "as our example. Other apps work in a similar way.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Make a video call on WhatsApp",
                        "steps": [
                            "Open WhatsApp.",
                            "Tap Chats, then tap the person you want to call.",
                            "Tap the video camera symbol at the top of the screen.",
                            "Wait for the person to answer. You will hear a ringing sound.",
                            "When they answer, you will see them and they will see you.",
                        ],
                    },
                ),
                (
                    "steps",
                    {
                        "title": "Answer a video call",
                        "steps": [
                            "When a call comes in, your phone rings and shows who is calling.",
                            "Tap or slide the green button to answer.",
                            "Tap the red button if you cannot talk now.",
                        ],
                    },
                ),
                (
                    "text",
                    (
                        "<p>During a call, tap the screen to see the buttons. They are usually "
                        "along the bottom.</p><ul><li><b>Microphone</b>: tap it to <b>mute</b>. "
                        "Muting turns off your sound, so the other person cannot hear you. Tap it "
                        "again to unmute.</li><li><b>Camera</b>: tap it to turn your video off or "
                        "on.</li><li><b>Switch camera</b>: two curved arrows. This swaps between "
                        "the front and back cameras.</li><li><b>Red phone</b>: tap it to end the "
                        "call.</li></ul>"
                    ),
                ),
                (
                    "tip",
                    (
                        "Use the back camera to show someone around, like your garden or a new "
                        "puppy. Switch back to the front camera to talk."
                    ),
                ),
                (
                    "tip",
                    (
                        "Does the picture freeze or the sound break up? Move closer to your Wi-Fi "
                        "router. Or turn your video off for a moment."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Only answer video calls from people you know. If a stranger calls, do not "
                        "answer. You can block them in the app."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Do not worry if your first call goes wrong. Everyone presses the wrong "
                        "button sometimes. Just call back.</p>"
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Make a call",
                        "instructions": (
                            "Agree a time with a friend or family member. Make a short video call. "
                            "Try muting yourself, then unmuting. Then end the call."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": "What does the mute button do?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": (
                                            "It turns off your sound, so others cannot hear you"
                                        ),
                                        "correct": True,
                                        "feedback": "Yes. Tap it again when you want to talk.",
                                    },
                                    {
                                        "text": "It ends the call",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. The red phone button ends the call. Mute "
                                            "just turns off your sound."
                                        ),
                                    },
                                    {
                                        "text": "It turns off your camera",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. The camera button does that. Mute turns "
                                            "off your sound."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": "How do you end a video call?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Tap the red phone button",
                                        "correct": True,
                                        "feedback": "Yes. The call ends for you straight away.",
                                    },
                                    {
                                        "text": "Put the phone face down",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. The call would carry on, and they could "
                                            "still hear you. Tap the red button."
                                        ),
                                    },
                                    {
                                        "text": "Turn the volume right down",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. That only makes it quieter for you. Tap "
                                            "the red button to end the call."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "The picture keeps freezing. What could help? Choose all that "
                                    "are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Move closer to your Wi-Fi router",
                                        "correct": True,
                                        "feedback": "Yes. A stronger Wi-Fi signal often fixes it.",
                                    },
                                    {
                                        "text": "Turn your video off for a moment",
                                        "correct": True,
                                        "feedback": "Yes. Sound needs much less data than video.",
                                    },
                                    {
                                        "text": "Talk louder",
                                        "correct": False,
                                        "feedback": (
                                            "Talking louder will not help the picture, sadly. Try "
                                            "moving closer to your router."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "A stranger video calls you on WhatsApp. What should you do?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Do not answer, and block them if you like",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. You only need to answer calls from people you "
                                            "know."
                                        ),
                                    },
                                    {
                                        "text": "Answer to find out who it is",
                                        "correct": False,
                                        "feedback": (
                                            "It is natural to be curious. But it is safer not to "
                                            "answer calls from strangers."
                                        ),
                                    },
                                    {
                                        "text": "Call them back later",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. It is safer not to call strangers back. "
                                            "You can block them in the app."
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
            "slug": "joining-a-call-from-a-link",
            "title": "Joining a call from a link",
            "minutes": 15,
            "skills": ["COM-2"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>Sometimes you join a video call by tapping a link. A <b>link</b> is a "
                        "word, button or web address that you tap to open something.</p><p>Links "
                        "are common for doctor's appointments, meetings and online classes. The "
                        "link usually comes by email or text message.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>These calls often use an app like Zoom, Microsoft Teams or Google "
                        "Meet. You can often join in your browser too. A <b>browser</b> is the app "
                        "you use to visit websites.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Join a call from a link",
                        "steps": [
                            "A few minutes before the call, open the email or text with the link.",
                            "Check it is from someone you expect, like your GP surgery.",
                            "Tap the link.",
                            "If asked, choose to open it in the app or in your browser.",
                            "Type your name so people know who you are.",
                            "Turn on your camera and microphone, then tap Join.",
                            (
                                "You may wait in a waiting room until someone lets you in. This is "
                                "normal."
                            ),
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Try the link the day before, to check it works. Some apps let you test "
                        "your camera and sound first."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Scammers can send fake links too. Only tap links you were expecting, from "
                        "people you know. If you are not sure, phone them on a number you trust to "
                        "check."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>In bigger calls, stay on mute when you are not talking. This stops "
                        "background noise.</p><p>Some apps have a <b>raise hand</b> button. Tap it "
                        "when you want to speak.</p>"
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Join a practice call",
                        "instructions": (
                            "Ask a Digital Champion to set up a practice call with you. Join from "
                            "the link they send. Try turning your camera and microphone off and "
                            "on."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "You get a text with a link to a video appointment. What "
                                    "should you check first?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": (
                                            "That it is from someone you expect, like your GP "
                                            "surgery"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Yes. If you are not sure, phone them on a number you "
                                            "trust."
                                        ),
                                    },
                                    {
                                        "text": "That the link is long",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Real and fake links can both be long. "
                                            "Check who sent it instead."
                                        ),
                                    },
                                    {
                                        "text": "Nothing. Links in texts are always safe.",
                                        "correct": False,
                                        "feedback": (
                                            "Sadly not. Scammers send links too. Check who sent it "
                                            "first."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "You tap Join and see: 'Please wait, the host will let you in "
                                    "soon.' What does this mean?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "You are in a waiting room. Just wait a little.",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. The person running the call will let you in when "
                                            "they are ready."
                                        ),
                                    },
                                    {
                                        "text": "Something has gone wrong",
                                        "correct": False,
                                        "feedback": (
                                            "Nothing is wrong! You are in a waiting room. Someone "
                                            "will let you in soon."
                                        ),
                                    },
                                    {
                                        "text": "You need to download a new app",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. You are already in. You are just waiting "
                                            "to be let into the call."
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
            "slug": "making-calls-easier-to-see-and-hear",
            "title": "Making calls easier to see and hear",
            "minutes": 10,
            "skills": ["FND-3", "COM-2"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>You can change settings to make video calls easier for you. These are "
                        "called <b>accessibility</b> tools. They help with hearing, seeing and "
                        "more.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Helpful tools include:</p><ul><li><b>Volume</b>: press the volume up "
                        "button on the side of your device during the "
                        "call.</li><li><b>Headphones</b>: they make voices clearer and keep your "
                        "call private.</li><li><b>Captions</b>: words on the screen that show what "
                        "people say. Zoom, Teams and Google Meet can all show "
                        "them.</li><li><b>Live captions</b>: many newer phones can add captions to "
                        "calls and videos.</li><li><b>Full screen</b>: on a computer, make the "
                        "call fill the screen to see faces more clearly.</li></ul>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Turn on captions in a meeting app",
                        "steps": [
                            "Tap the screen to show the buttons.",
                            "Tap More. It often looks like three dots.",
                            "Look for Captions, Subtitles or Live captions.",
                            "Tap it to turn captions on.",
                        ],
                    },
                ),
                (
                    "steps",
                    {
                        "title": "Turn on live captions on a phone",
                        "steps": [
                            "Open the Settings app.",
                            "Tap Accessibility.",
                            (
                                "Look for Live Caption or Live Captions. On some phones, it is "
                                "under Hearing."
                            ),
                            "Turn it on.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Do you wear hearing aids? Ask your audiologist if they can connect to "
                        "your phone by Bluetooth. Bluetooth is a way to connect devices without "
                        "wires."
                    ),
                ),
                (
                    "tip",
                    (
                        "Ask the people you call to face the camera and speak clearly. It helps "
                        "everyone, especially people who lip-read."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Captions are made by computer, so they sometimes get words wrong. Ask "
                        "people to repeat anything important, or to type it in the chat."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Find your captions",
                        "instructions": (
                            "Open Settings and look for live captions. If your phone has them, "
                            "turn them on. Play a short video. Can you see the words?"
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "Which of these could help you hear a call better? Choose all "
                                    "that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Headphones",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Headphones bring the sound closer and cut out "
                                            "noise around you."
                                        ),
                                    },
                                    {
                                        "text": "Turning the volume up",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Use the volume button on the side of your device."
                                        ),
                                    },
                                    {
                                        "text": "Captions",
                                        "correct": True,
                                        "feedback": "Yes. Captions let you read what people say.",
                                    },
                                    {
                                        "text": "Turning your camera off",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. This can help a slow connection, but it "
                                            "will not make voices easier to hear."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": "What are captions?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Words on the screen that show what people say",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. They are made by computer, so check anything "
                                            "important."
                                        ),
                                    },
                                    {
                                        "text": "Photos of the people on the call",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Captions are words on the screen, showing "
                                            "what people say."
                                        ),
                                    },
                                    {
                                        "text": "A type of headphones",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Captions are words on the screen, showing "
                                            "what people say."
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
