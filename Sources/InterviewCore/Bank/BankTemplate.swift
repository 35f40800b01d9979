/// The starter bank `interview new FILE` writes: every line of the format
/// (docs/bank-format.md), explained, in a bank that validates without a warning.
public enum BankTemplate {
    /// The template, titled `title`.
    public static func markdown(title: String) -> String {
        let title = UTF8Text.lines(of: title).joined(separator: " ").trimmingSpaces
        return """
        ---
        # A question bank for `interview` (docs/bank-format.md has the whole format).
        # Lines starting with '#' up here are comments; each other line is 'key: value'.
        # Check the file with: interview validate FILE (it lists every error and warning).
        #
        # title (required) shows in the status line and the reports.
        title: \(title.isEmpty ? "My interview" : title)
        # duration: the planned length of the interview (45m, 1h30m, 90s; default: the
        # sum of the questions' times). validate warns when the questions take longer.
        duration: 10m
        # time: the budget of a question without its own 'time:' line (default: the
        # duration shared evenly between the questions, else 5m).
        time: 4m
        # role, level and description are free text, for the people who choose a bank.
        role: Backend engineer
        level: mid-level
        description: A short screen: one design question and one debugging question.
        # rating-1 to rating-4: what a 1 (strong no), 2 (no), 3 (yes) and 4 (strong yes)
        # answer looks like, for each question without its own '### Ratings' section.
        # All four or none; without them, such a question shows the scale's words only.
        rating-1: Wrong, or no answer on the points that matter
        rating-2: Part of it: misses a main point, or gets there only when led
        rating-3: The main points, right and in their own words
        rating-4: All of it, with the trade-offs and an example of their own
        ---
        # A level-1 heading before the first question is for people reading the file

        ## Design a rate limiter for a public API.
        id: rate-limiter
        time: 6m
        tags: system design, trade-offs
        competencies: system design, production judgment

        ### Why ask
        Everything after '## ' on the heading line is the prompt, read aloud as written.
        The lines right under it set this question's id (default: made from the prompt),
        its time budget, its tags and its competencies (what an answer is evidence of,
        added up per competency in the report). Each '### ' section below is optional but
        *Expected answer*, and each shows in its own pane.

        ### Expected answer
        Paragraphs are lines of text; a blank line starts a new one. Text can be
        *emphasised*, **strong** or `code`.

        - A bullet starts with '- ' or '* '.
          - Indented by two spaces, it is nested (one level).
        - Token bucket or sliding window, keyed per client.

        ### How to evaluate
        What separates a strong answer from a weak one. Write \\- or \\# to start a line
        with a dash or a hash that is only text.

        Follow-ups are questions to ask next, one '- ' line each (at most 9: f then a
        digit marks one asked). Ratings say what a 1 to a 4 looks like for this question:
        the four lines 1: to 4:, in order, one line each, in place of the front matter's.

        ### Rubric
        - [ ] One task item per point to tick off during the interview (keys 1 to 9)
        - [ ] Names the algorithm and what it keys on
        - [ ] Says where the counters live and what happens when that store is down

        ### Follow-ups
        - What changes when the API runs on ten servers instead of one?
        - How does a client learn *when* it may try again?

        ### Ratings
        1: No working scheme, or one that a client gets around by reconnecting
        2: Names an algorithm, but not what it keys on or where its counters live
        3: A token bucket or window per client, its counters in a shared store
        4: As 3, and says what happens when that store is down and how clients are told

        ## A test fails on CI but passes on your laptop. What do you do?
        competencies: debugging

        ### Expected answer
        This question has no 'time:' line: its budget is the front matter's 'time:'. It
        has no Ratings either: it gets the front matter's rating-1 to rating-4.

        - Reproduce with CI's environment: versions, locale, time zone, parallelism.
        - Look for order dependence, timing and shared state between tests.

        ### Rubric
        - [ ] Reproduces before fixing
        - [ ] Names at least two usual causes
        """ + "\n"
    }

    /// A title from a file's name: `backend-screen.md` → "Backend screen".
    public static func title(forFile path: String) -> String {
        var name = String(path.split(separator: "/").last ?? "")
        if name.hasSuffix(".md") { name.removeLast(3) }
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).joined(separator: " ")
        guard let first = words.first else { return "My interview" }
        return first.uppercased() + words.dropFirst()
    }
}
