import Foundation

/// Taking candidate text out of a session after the fact, from the event log itself:
/// every notes event is written again so that the removed text is in no event, and a
/// replay at any moment never shows it; the summary is derived again from the events.
/// The log gains one `redacted` event: when (wall clock) and how many characters.
public enum Redaction {
    public struct Outcome: Sendable {
        /// The session as it is to be saved (the same value when nothing changed).
        public var file: SessionFile
        /// Characters taken out of the notes (per note line, counted at the version of it that lost the most).
        public var characters: Int
        /// Events whose lines changed (or were taken out).
        public var events: Int

        public var changed: Bool { events > 0 }
    }

    /// Every occurrence of each of `texts` out of the notes and the closing notes, in every
    /// event, with the versions of a line caught while one was half typed (`TextRemoval`).
    public static func removing(_ texts: [String], from file: SessionFile, now: Date) -> Outcome {
        let texts = texts.filter { !$0.isEmpty }
        let history = NotesHistory(events: Array(file.events), questionCount: file.questions.count)
        var replacement = history.identity
        for strand in history.strands.indices {
            let lines = history.lines(of: strand)
            var versions = lines.map(\.text)
            for text in texts { versions = TextRemoval.removing(text, fromVersions: versions) }
            replacement[strand] = zip(lines, versions).map { NoteLine(at: $0.at, text: $1) }
        }
        return rewrite(file, history, replacement, now: now) { line in
            var text = line.text
            for needle in texts { text = TextRemoval.removingAll(needle, from: text) }
            return NoteLine(at: line.at, text: text)
        }
    }

    /// The session with `replacement` for the versions of each note line (`NotesHistory`).
    static func rewrite(_ file: SessionFile, _ history: NotesHistory, _ replacement: [[NoteLine?]], now: Date,
                        ignored: (NoteLine) -> NoteLine?) -> Outcome {
        var ignoredCharacters = 0
        let events = history.rewritten(replacement) { line in
            let new = ignored(line)
            ignoredCharacters += line.text.unicodeScalars.count - (new?.text.unicodeScalars.count ?? 0)
            return new
        }
        let changed = zip(history.events, events).filter { $0 != $1 }.count
        guard changed > 0 else { return Outcome(file: file, characters: 0, events: 0) }
        let characters = history.charactersRemoved(by: replacement) + max(0, ignoredCharacters)
        return Outcome(file: saved(file, events: events, characters: characters, now: now), characters: characters, events: changed)
    }

    /// `file` with `events` and a `redacted` event after them, its summary derived again.
    static func saved(_ file: SessionFile, events: [SessionEvent], characters: Int, now: Date) -> SessionFile {
        var out = file
        let at = max(file.clockSeconds, events.last?.at ?? 0)
        out.events = EventLog(events + [SessionEvent(at: at, type: .redacted, characters: characters, date: ISO8601.string(now))])
        return SessionEngine(file: out).snapshot(at: out.clockSeconds)
    }

    /// What `anonymize` keeps for calibration and `stats` (ratings, times, ticks, the
    /// recommendation, the questions, the interviewer) without the candidate: the name
    /// becomes `anonymous-<short id>`, and the notes and closing notes go with every event
    /// that edited them.
    public static func anonymized(_ file: SessionFile, now: Date) -> Outcome {
        let history = NotesHistory(events: Array(file.events), questionCount: file.questions.count)
        let none = history.strands.map { Array(repeating: NoteLine?.none, count: $0.versions.count) }
        var characters = history.charactersRemoved(by: none)
        var events: [SessionEvent] = []
        var removed = 0
        for event in file.events {
            if event.type == .notesEdited || event.type == .closingNotesEdited {
                removed += 1
            } else {
                events.append(event)
            }
        }
        // Lines of notes events the fold ignores count too: they were in the file.
        for (index, event) in history.events.enumerated() where history.tracks[index] == nil {
            characters += (event.lines ?? []).reduce(0) { $0 + $1.text.unicodeScalars.count }
        }
        var out = file
        out.candidate = anonymousName(file)
        let nameChanged = out.candidate != file.candidate
        guard removed > 0 || nameChanged else { return Outcome(file: file, characters: 0, events: 0) }
        return Outcome(file: saved(out, events: events, characters: characters, now: now), characters: characters,
                       events: removed + (nameChanged ? 1 : 0))
    }

    /// Two redactions made one after the other by one command, as one: the second's
    /// session, with one `redacted` event for both.
    public static func combined(_ first: Outcome, _ second: Outcome) -> Outcome {
        guard first.changed else { return second }
        guard second.changed else { return first }
        var events = Array(second.file.events)
        guard events.count >= 2, events[events.count - 2].type == .redacted, var last = events.popLast() else { return second }
        let characters = first.characters + second.characters
        events.removeLast()
        last.characters = characters
        var file = second.file
        file.events = EventLog(events + [last])
        return Outcome(file: SessionEngine(file: file).snapshot(at: file.clockSeconds), characters: characters,
                       events: first.events + second.events)
    }

    /// `anonymous-<short id>`.
    public static func anonymousName(_ file: SessionFile) -> String { "anonymous-" + SessionNames.shortID(file.id) }

    /// Whether a session is anonymous already: its name is its anonymous name, and no event edits notes.
    public static func isAnonymous(_ file: SessionFile) -> Bool {
        file.candidate == anonymousName(file)
            && !file.events.contains { $0.type == .notesEdited || $0.type == .closingNotesEdited }
    }
}
