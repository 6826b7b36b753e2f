"""The progress tracker: enrolments, completions, quiz attempts, skills and certificates."""
