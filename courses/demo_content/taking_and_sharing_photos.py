"""Demo course: Taking and sharing photos."""

COURSE = {
    "slug": "taking-and-sharing-photos",
    "title": "Taking and sharing photos",
    "summary": (
        "Learn to take clear photos, find them again and share them. We also cover asking people "
        "before you share."
    ),
    "audience": (
        "For anyone with a phone or tablet with a camera who wants to take and share photos."
    ),
    "outcomes": [
        "take a clear photo with your phone or tablet",
        "find, sort and delete your photos",
        "share a photo with the people you choose",
        "ask people before you share photos of them",
        "share a photo of an improvement on your estate with your neighbourhood group",
    ],
    "level": "getting_started",
    "skills": ["COM-3", "HIC-3", "SAF-5"],
    "lessons": [
        {
            "slug": "taking-a-good-photo",
            "title": "Taking a good photo",
            "minutes": 10,
            "skills": ["HIC-3"],
            "body": [
                (
                    "text",
                    (
                        "<p>Most phones and tablets have a camera built in. You take photos with "
                        "the <b>camera app</b>. An app is a program on your device that does one "
                        "job.</p><p>Each photo you take is saved on your device straight away.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Take a photo",
                        "steps": [
                            "Open the camera app. Its icon looks like a camera.",
                            (
                                "Point your device at what you want. Look at the screen to see the "
                                "picture."
                            ),
                            (
                                "Tap the screen on the main thing in the picture. This helps make "
                                "it sharp."
                            ),
                            "Hold your device steady with both hands.",
                            "Tap the big round button to take the photo.",
                            (
                                "A small copy of the photo appears in a corner. Tap it to see your "
                                "photo."
                            ),
                        ],
                    },
                ),
                (
                    "text",
                    (
                        "<p>A few things make a big difference:</p><ul><li>Wipe the camera lens "
                        "with a soft cloth.</li><li>Stand with the light behind you, not behind "
                        "the thing you are taking.</li><li>Get closer, or spread two fingers on "
                        "the screen to zoom in a little.</li><li>Take two or three photos, and "
                        "keep the best one.</li></ul>"
                    ),
                ),
                (
                    "tip",
                    "Turn your device on its side to take a wide photo, like a street or a garden.",
                ),
                (
                    "tip",
                    (
                        "Photos are handy for remembering things. Take one of a bus timetable or a "
                        "notice board."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Some devices save where each photo was taken. This is called location. "
                        "Think about this before you share photos taken at home."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Take three photos",
                        "instructions": (
                            "Take three photos of the same thing: one close up, one from further "
                            "away and one with your device on its side. Which do you like best?"
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "finding-and-sorting-your-photos",
            "title": "Finding and sorting your photos",
            "minutes": 10,
            "skills": ["HIC-3"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>Your photos are kept in the <b>photos app</b>. On some phones it is "
                        "called Gallery.</p><p>Your newest photos are usually at the top or the "
                        "bottom of the list.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Find a photo",
                        "steps": [
                            "Open the Photos or Gallery app.",
                            "Scroll up or down to look through your photos.",
                            "Tap a photo to see it bigger.",
                            "Swipe left or right to see the next one.",
                        ],
                    },
                ),
                (
                    "text",
                    (
                        "<p>An <b>album</b> is a group of photos, like a folder. Albums keep your "
                        "photos tidy. You could make one called <i>Family</i> or <i>My "
                        "estate</i>.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Make an album",
                        "steps": [
                            "In the photos app, find Albums.",
                            "Tap the plus sign or New album.",
                            "Type a name for the album.",
                            "Tap the photos you want to add.",
                            "Tap Done or Add.",
                        ],
                    },
                ),
                (
                    "steps",
                    {
                        "title": "Delete a photo you do not want",
                        "steps": [
                            "Open the photo.",
                            "Tap the bin symbol.",
                            "Tap Delete to say you are sure.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Deleted a photo by mistake? Most phones keep deleted photos for a few "
                        "weeks. Look for a folder called Recently deleted, Bin or Trash."
                    ),
                ),
                (
                    "tip",
                    (
                        "You can back up your photos. This means a copy is kept safe online. Then "
                        "you will not lose them if you lose your phone. A Digital Champion can "
                        "help you set this up."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Make an album",
                        "instructions": (
                            "Make an album called My estate. Add one or two photos to it. You will "
                            "use it later in this course."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": "Where can you find a photo after you take it?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "In the Photos or Gallery app",
                                        "correct": True,
                                        "feedback": "Yes. Every photo you take is saved there.",
                                    },
                                    {
                                        "text": "In the Settings app",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Settings is for changing how your device "
                                            "works. Your photos are in the Photos or Gallery app."
                                        ),
                                    },
                                    {
                                        "text": "Nowhere, it is gone once you take it",
                                        "correct": False,
                                        "feedback": (
                                            "Good news: it is not gone! Your photos are saved in "
                                            "the Photos or Gallery app."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": "You deleted a photo by mistake. What can you do?",
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Look in the Recently deleted or Bin folder",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Most phones keep deleted photos there for a few "
                                            "weeks. You can bring it back."
                                        ),
                                    },
                                    {
                                        "text": "Nothing, it is lost for ever",
                                        "correct": False,
                                        "feedback": (
                                            "Do not worry, it is usually not lost yet. Look in the "
                                            "Recently deleted or Bin folder."
                                        ),
                                    },
                                    {
                                        "text": "Turn your phone off and on again",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. That will not bring it back. Look in the "
                                            "Recently deleted or Bin folder instead."
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
            "slug": "sharing-a-photo-with-someone",
            "title": "Sharing a photo with someone",
            "minutes": 10,
            "skills": ["COM-3"],
            "body": [
                (
                    "text",
                    (
                        "<p>You can send a photo in a text message, by email or in an app like "
                        "WhatsApp. You choose who sees it.</p><p>Most apps use the same <b>share "
                        "button</b>. It often looks like a box with an arrow pointing up, or three "
                        "dots joined by lines.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Share a photo",
                        "steps": [
                            "Open the photo you want to share.",
                            "Tap the share button.",
                            "Choose how to send it, like Messages, WhatsApp or Email.",
                            "Choose the person you want to send it to.",
                            "Add a few words if you like.",
                            "Tap Send.",
                        ],
                    },
                ),
                (
                    "watch_out",
                    (
                        "Check who you are sending to before you tap Send. In a group chat, "
                        "everyone in the group sees the photo."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Once you share a photo, the other person can keep it or pass it on. Only "
                        "share photos you are happy for others to see."
                    ),
                ),
                (
                    "tip",
                    (
                        "Look at the whole photo before you share it. Check the background for "
                        "letters, your address or your door number."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Send a photo",
                        "instructions": (
                            "Send a photo of something you like, such as a plant or a view, to a "
                            "friend or family member."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "asking-before-you-share",
            "title": "Asking before you share",
            "minutes": 10,
            "skills": ["SAF-5"],
            "pass_mark_percent": 75,
            "body": [
                (
                    "text",
                    (
                        "<p>Always ask people before you share a photo of them. It is their face "
                        "and their choice.</p><p>A photo of someone is personal information. "
                        "Sharing it without asking can upset them.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>For some people, a photo online can even put them at risk. They may be "
                        "hiding from someone who hurt them. They do not have to tell you why they "
                        "say no.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Ask before you share",
                        "steps": [
                            "Show the person the photo.",
                            "Tell them where you want to share it, and who will see it.",
                            "Ask: 'Is it OK if I share this?'",
                            "If they say no, do not share it. Delete it if they ask you to.",
                            "If they say yes, only share it where you said you would.",
                        ],
                    },
                ),
                ("tip", "For children, always ask a parent or carer first."),
                (
                    "watch_out",
                    (
                        "Check the background too. A photo may show other people, car number "
                        "plates, door numbers or letters with names on. Crop them out, or take "
                        "another photo."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>To <b>crop</b> a photo means to cut off its edges. Most photos apps "
                        "have an Edit button for this.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>It works both ways. If someone shares a photo of you that you do not "
                        "like, you can ask them to take it down.</p>"
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Practise asking",
                        "instructions": (
                            "Next time you take a photo of a friend, show it to them. Ask if they "
                            "are happy for you to share it, and who can see it."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "You took a great photo at the community fun day. Your "
                                    "neighbour is in it. What should you do before you post it?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": (
                                            "Ask your neighbour if they are happy for you to share "
                                            "it"
                                        ),
                                        "correct": True,
                                        "feedback": "Yes. It is their face, so it is their choice.",
                                    },
                                    {
                                        "text": "Post it. They will see it anyway.",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. They might not want it online, and they "
                                            "may have good reasons. Ask first."
                                        ),
                                    },
                                    {
                                        "text": "Post it now and ask them later",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Once it is online, others may already have "
                                            "seen or saved it. Always ask first."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "Your friend says no to sharing a photo of them. What do you "
                                    "do?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Do not share it",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Thank you for respecting their choice. They do "
                                            "not have to give a reason."
                                        ),
                                    },
                                    {
                                        "text": "Share it, but only with a small group",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. No means no, even for a small group. "
                                            "Photos can be passed on."
                                        ),
                                    },
                                    {
                                        "text": "Share it, but do not say their name",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. People can still see their face. If they "
                                            "say no, do not share it."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "What should you check in the background before you share a "
                                    "photo? Choose all that are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "Other people's faces",
                                        "correct": True,
                                        "feedback": "Yes. Ask them too, or crop them out.",
                                    },
                                    {
                                        "text": "Car number plates or door numbers",
                                        "correct": True,
                                        "feedback": "Yes. These can show where someone lives.",
                                    },
                                    {
                                        "text": "Letters with names on",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Names and addresses are personal information."
                                        ),
                                    },
                                    {
                                        "text": "Trees or fences",
                                        "correct": False,
                                        "feedback": (
                                            "Trees and fences are fine to share. Focus on people "
                                            "and personal details."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "You want to share a photo of a child at a group event. Who "
                                    "should you ask?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Their parent or carer",
                                        "correct": True,
                                        "feedback": "Yes. A parent or carer decides for a child.",
                                    },
                                    {
                                        "text": "Nobody. Children do not mind.",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Photos of children need extra care. Always "
                                            "ask a parent or carer first."
                                        ),
                                    },
                                    {
                                        "text": "Another neighbour at the event",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Only the child's parent or carer can say "
                                            "yes."
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
            "slug": "sharing-an-estate-improvement-with-your-neighbourhood-group",
            "title": "Sharing an estate improvement with your neighbourhood group",
            "minutes": 15,
            "skills": ["COM-3", "SAF-5"],
            "pass_mark_percent": 100,
            "body": [
                (
                    "text",
                    (
                        "<p>Has something got better on your estate? Perhaps a new bench, a mended "
                        "path or a community garden. A photo is a great way to share the good "
                        "news.</p><p>On Homes on the Net, you can share photos in your "
                        "<b>neighbourhood group</b>. This is an online space for people who live "
                        "near you.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<p>You share things in a group by writing a <b>post</b>. A post is a "
                        "message that everyone in the group can see.</p>"
                    ),
                ),
                (
                    "steps",
                    {
                        "title": "Take a good photo of the improvement",
                        "steps": [
                            "Choose a bright, dry time of day if you can.",
                            "Stand back so people can see where it is.",
                            "Take one close up to show the detail.",
                            "Check that nobody is in the photo, or that they have said yes.",
                        ],
                    },
                ),
                (
                    "steps",
                    {
                        "title": "Post it in your neighbourhood group",
                        "steps": [
                            "Sign in to Homes on the Net.",
                            "Go to the community area and open your neighbourhood group.",
                            "Choose to write a new post.",
                            (
                                "Add your photo. Choose it from your photos, or from your My "
                                "estate album."
                            ),
                            (
                                "Write a few words. Say what it is and where, like 'New bench by "
                                "the play area'."
                            ),
                            "Check your post, then send it.",
                        ],
                    },
                ),
                (
                    "tip",
                    (
                        "Say thank you to the people who made it happen. Good news helps "
                        "neighbours get to know each other."
                    ),
                ),
                (
                    "watch_out",
                    (
                        "Everyone in the group can see your post. Some posts are checked before "
                        "they appear, so yours may take a little while to show."
                    ),
                ),
                (
                    "text",
                    (
                        "<p>Only post photos of shared places, like paths, gardens and play areas. "
                        "Do not post photos of someone's home, door or car.</p>"
                    ),
                ),
                (
                    "watch_out",
                    (
                        "A group post is not the way to report a repair. Use your landlord's "
                        "repair form instead. We show you how in the course on filling in forms "
                        "online."
                    ),
                ),
                (
                    "try_it",
                    {
                        "title": "Share some good news",
                        "instructions": (
                            "Take a photo of something you like on your estate. Post it in your "
                            "neighbourhood group with a few words. A Digital Champion can help you "
                            "the first time."
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "questions": [
                            {
                                "question": (
                                    "Which of these are good to put in your post? Choose all that "
                                    "are right."
                                ),
                                "multiple": True,
                                "options": [
                                    {
                                        "text": "What has changed, and where",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Then neighbours know what to look out for."
                                        ),
                                    },
                                    {
                                        "text": "A thank you to the people who helped",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Saying thank you is a lovely way to bring people "
                                            "together."
                                        ),
                                    },
                                    {
                                        "text": "A neighbour's door number",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. A door number shows where someone lives. "
                                            "Keep to shared places."
                                        ),
                                    },
                                ],
                            },
                            {
                                "question": (
                                    "A neighbour is standing next to the new bench in your photo. "
                                    "What should you do?"
                                ),
                                "multiple": False,
                                "options": [
                                    {
                                        "text": "Ask them first, or take a new photo without them",
                                        "correct": True,
                                        "feedback": (
                                            "Yes. Either way, nobody ends up online without saying "
                                            "yes."
                                        ),
                                    },
                                    {
                                        "text": "Post it anyway. The bench is the main thing.",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. Your neighbour is still in the photo. Ask "
                                            "them, or take another one."
                                        ),
                                    },
                                    {
                                        "text": "Post it and tag their name",
                                        "correct": False,
                                        "feedback": (
                                            "Not quite. That shares their photo and their name "
                                            "without asking. Ask them first."
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
