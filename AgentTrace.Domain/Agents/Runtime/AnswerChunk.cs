namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>
/// A piece of the answer written by a Message component. It follows the trace event <see cref="AfterEventId"/> (the
/// component's <c>node_started</c>), so a reader that merges answer and trace can keep their order. The last piece
/// of a message has <see cref="End"/> set and no content.
/// </summary>
public sealed record AnswerChunk(string ComponentId, string Content, string AfterEventId, bool End = false);
