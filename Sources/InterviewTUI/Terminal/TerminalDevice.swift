/// What a terminal hands the program: a key, a paste, a mouse report, a new size, a
/// signal, or that the time asked for ran out.
public enum TerminalInput: Hashable, Sendable {
    case key(Key)
    /// Text pasted (bracketed paste): never to be taken for keys.
    case paste(String)
    case mouse(Mouse)
    case resize(Size)
    case signal(Int32)
    case timeout
}

extension TerminalInput {
    public init(_ decoded: DecodedInput) {
        switch decoded {
        case .key(let key): self = .key(key)
        case .paste(let text): self = .paste(text)
        case .mouse(let mouse): self = .mouse(mouse)
        }
    }
}

/// The terminal as every screen's loop uses it: input events out, frames in. The
/// ncurses backend (module InterviewTerminal) is one; tests drive a scripted one.
public protocol TerminalDevice: AnyObject {
    var size: Size { get }
    /// Whether to draw with ASCII lines (a locale that is not UTF-8).
    var ascii: Bool { get }
    /// Waits up to `milliseconds` for input; 0 takes only what is already there.
    func read(timeout milliseconds: Int) -> TerminalInput
    /// Shows a frame: writes what the update says changed, in one write.
    func draw(_ update: FrameUpdate)
    /// Restores the terminal as it was; what was written to stderr meanwhile follows.
    func close()
}
