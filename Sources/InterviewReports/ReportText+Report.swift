import InterviewCore

/// The report's own pieces as text (the rest of `ReportText` is in InterviewCore).
extension ReportText {
    /// A note's other times: `12:30 in, 10:12 UTC` (into the interview, and the clock
    /// time when known); empty when neither is known.
    public static func noteTimes(_ note: SessionReport.Note) -> String {
        var parts: [String] = []
        if let t = note.interviewSeconds { parts.append("\(Durations.clock(Durations.wholeSeconds(t))) in") }
        if let clock = note.clockTime { parts.append(time(ofDay: clock)) }
        return parts.joined(separator: ", ")
    }

    /// A timeline entry: `12:30 in (10:12 UTC): paused`.
    public static func timelineEntry(_ entry: TimelineEntry) -> String {
        let at = "\(Durations.clock(Durations.wholeSeconds(entry.at))) in" + (entry.clockTime.map { " (\(time(ofDay: $0)))" } ?? "")
        return "\(at): \(entry.label)"
    }
}
