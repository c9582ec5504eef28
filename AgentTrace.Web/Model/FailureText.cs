using AgentTrace.Domain.Storage;

namespace AgentTrace.Web.Model;

/// <summary>
/// What a failure of background work tells the user: what kind of trouble it is, never the exception's own text
/// (type names, hosts, stack frames stay in the server log).
/// </summary>
public static class FailureText
{
    public static string Of(Exception error) => StoreFailure.IsOutage(error)
        ? "the store could not be reached"
        : "an unexpected error occurred (the server log has the details)";
}
