using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace AgentTrace.Tests.Support;

/// <summary>
/// The web app on the test server with API keys for two tenants: <c>t1</c> (admin, writer, reader) and
/// <c>t2</c> (admin). Extra settings can be given per factory.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string T1Admin = "t1-admin-key-0123456789";
    public const string T1Writer = "t1-writer-key-0123456789";
    public const string T1Reader = "t1-reader-key-0123456789";
    public const string T2Admin = "t2-admin-key-0123456789";

    private readonly string _dataPath = Directory.CreateTempSubdirectory("agenttrace-test-").FullName;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ApiFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>A factory whose configuration also has <paramref name="settings"/>.</summary>
    protected ApiFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
    }

    public HttpClient ClientFor(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            var values = new Dictionary<string, string?>
            {
                ["AgentTrace:DataPath"] = _dataPath,
                ["AgentTrace:Limits:HeartbeatSeconds"] = "0.2",
            };
            AddKey(values, 0, T1Admin, "t1", "admin");
            AddKey(values, 1, T1Writer, "t1", "writer");
            AddKey(values, 2, T1Reader, "t1", "reader");
            AddKey(values, 3, T2Admin, "t2", "admin");
            foreach (var (key, value) in _settings)
            {
                values[key] = value;
            }

            configuration.AddInMemoryCollection(values);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    private static void AddKey(Dictionary<string, string?> values, int index, string key, string tenant, string role)
    {
        values[$"AgentTrace:Auth:Keys:{index}:Name"] = $"{tenant}-{role}";
        values[$"AgentTrace:Auth:Keys:{index}:Key"] = key;
        values[$"AgentTrace:Auth:Keys:{index}:Tenant"] = tenant;
        values[$"AgentTrace:Auth:Keys:{index}:Role"] = role;
    }
}
