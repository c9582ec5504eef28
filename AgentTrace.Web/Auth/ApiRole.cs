namespace AgentTrace.Web.Auth;

/// <summary>What a key may do: readers read, writers also ingest and delete, admins also clean up.</summary>
public enum ApiRole
{
    Reader,
    Writer,
    Admin,
}
