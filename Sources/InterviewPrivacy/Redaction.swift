#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

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
    /// event, with the versions of a line caught while one was half typed (`TextRemoval`);
    /// and out of the other text the interviewer typed: the reasons of skips (`x`) and the
    /// prompts of the questions of their own (`+`).
    public static func removing(_ texts: [String], from file: SessionFile, now: Date) -> Outcome {
        let texts = texts.filter { !$0.isEmpty }
        let history = NotesHistory(events: Array(file.events), questionCount: file.rubricCounts.count)
        var replacement = history.identity
        for strand in history.strands.indices {
            let lines = history.lines(of: strand)
            var versions = lines.map(\.text)
            for text in texts { versions = TextRemoval.removing(text, fromVersions: versions) }
            replacement[strand] = zip(lines, versions).map { NoteLine(at: $0.at, text: $1) }
        }
        func scrub(_ text: String) -> String {
            texts.reduce(text) { TextRemoval.removingAll($1, from: $0) }
        }
        return rewrite(file, history, replacement, now: now, ignored: { NoteLine(at: $0.at, text: scrub($0.text)) },
                       reason: scrub, prompt: scrub)
    }

    /// The session with `replacement` for the versions of each note line (`NotesHistory`).
    /// `ignored`: for the lines of notes events the fold does not apply; `reason`, for the
    /// reason of a skip (nil: none); `prompt`, for a question of the interviewer's own.
    static func rewrite(_ file: SessionFile, _ history: NotesHistory, _ replacement: [[NoteLine?]], now: Date,
                        ignored: (NoteLine) -> NoteLine?, reason: (String) -> String? = { $0 },
                        prompt: (String) -> String = { $0 }) -> Outcome {
        var other = 0
        func count(_ old: String, _ new: String?) { other += old.unicodeScalars.count - (new?.unicodeScalars.count ?? 0) }
        var events = history.rewritten(replacement) { line in
            let new = ignored(line)
            count(line.text, new?.text)
            return new
        }
        for index in events.indices {
            guard let text = events[index].text else { continue }
            switch events[index].type {
            case .skipped:
                events[index].text = reason(text)
                count(text, events[index].text)
            case .questionAdded:
                events[index].text = prompt(text)
                count(text, events[index].text)
            default: break
            }
        }
        var out = file
        // The record of a question of one's own is where the engine reads its prompt from.
        for index in out.questions.indices where out.questions[index].added == true {
            out.questions[index].prompt = prompt(out.questions[index].prompt)
        }
        let changed = zip(history.events, events).filter { $0 != $1 }.count
        guard changed > 0 else { return Outcome(file: file, characters: 0, events: 0) }
        let characters = history.charactersRemoved(by: replacement) + max(0, other)
        return Outcome(file: saved(out, events: events, characters: characters, now: now), characters: characters, events: changed)
    }

    /// `file` with `events` and a `redacted` event after them, its summary derived again.
    static func saved(_ file: SessionFile, events: [SessionEvent], characters: Int, now: Date) -> SessionFile {
        var out = file
        let at = max(file.clockSeconds, events.last?.at ?? 0)
        out.events = EventLog(events + [SessionEvent(at: at, type: .redacted, characters: characters, date: ISO8601.string(now))])
        return SessionEngine(file: out).snapshot(at: out.clockSeconds)
    }

    /// What `anonymize` keeps for calibration and `stats` (ratings, times, ticks, the
    /// recommendation, the questions, the interviewer, skips) without the candidate: the
    /// name becomes `anonymous-<short id>`, also where the interviewer typed it into a
    /// question of their own; the notes and closing notes go with every event that edited
    /// them, and so do the reasons given for skips.
    public static func anonymized(_ file: SessionFile, now: Date) -> Outcome {
        let history = NotesHistory(events: Array(file.events), questionCount: file.rubricCounts.count)
        let none = history.strands.map { Array(repeating: NoteLine?.none, count: $0.versions.count) }
        var characters = history.charactersRemoved(by: none)
        var events: [SessionEvent] = []
        var removed = 0
        let name = CandidateName(file.candidate, replacement: anonymousName(file))
        for var event in file.events {
            if event.type == .notesEdited || event.type == .closingNotesEdited {
                removed += 1
            } else if event.type == .skipped, let reason = event.text {
                characters += reason.unicodeScalars.count
                removed += 1
                event.text = nil
                events.append(event)
            } else if event.type == .questionAdded, let prompt = event.text, let (text, count) = name.replaced(in: prompt) {
                characters += count
                removed += 1
                event.text = text
                events.append(event)
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
        // The record of a question of one's own is where the engine reads its prompt from.
        for index in out.questions.indices where out.questions[index].added == true {
            out.questions[index].prompt = name.replaced(in: out.questions[index].prompt)?.text ?? out.questions[index].prompt
        }
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

    /// Whether a session is anonymous already: its name is its anonymous name, and no event
    /// edits notes or gives a reason for a skip.
    public static func isAnonymous(_ file: SessionFile) -> Bool {
        file.candidate == anonymousName(file) && !file.events.contains {
            $0.type == .notesEdited || $0.type == .closingNotesEdited || ($0.type == .skipped && $0.text != nil)
        }
    }
}
