import InterviewCore

/// What the facts of many sessions repeat, kept once: the sessions of one bank hold the
/// same prompts, question ids and rubric texts, and the same few ticks of each rubric.
/// `stats --no-index` keeps every session's facts (`StatsSession`) until it counts them;
/// shared, 10,000 sessions of 15 questions take a few tens of megabytes instead of
/// two hundred (strings and arrays are copied only when written). The index shares the
/// same values by its text ids as it reads its rows (`SessionIndex.facts`).
struct SharedFacts {
    private var strings: Set<String> = []
    private var rubrics: Set<[SessionFile.RubricItem]> = []
    private var banks: Set<SessionFile.BankInfo> = []

    init() {}

    /// `session` holding the values an earlier one had, where equal.
    mutating func share(_ session: StatsSession) -> StatsSession {
        var session = session
        session.interviewer = string(session.interviewer)
        session.bank = banks.insert(session.bank).memberAfterInsert
        for index in session.questions.indices {
            session.questions[index].id = string(session.questions[index].id)
            session.questions[index].prompt = string(session.questions[index].prompt)
            session.questions[index].rubric = rubrics.insert(session.questions[index].rubric).memberAfterInsert
        }
        return session
    }

    private mutating func string(_ text: String) -> String {
        strings.insert(text).memberAfterInsert
    }
}
