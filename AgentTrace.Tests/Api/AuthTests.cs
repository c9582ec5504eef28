using System.Net;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

public sealed class AuthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task NoKey_IsUnauthorizedWithEnvelope()
    {
        (await factory.CreateClient().GetJsonAsync("/api/v1/traces")).AssertError(HttpStatusCode.Unauthorized, "an API key is required");
    }

    [Fact]
    public async Task WrongKey_IsUnauthorized()
    {
        (await factory.ClientFor("not-a-real-key-at-all").GetJsonAsync("/api/v1/traces")).AssertError(HttpStatusCode.Unauthorized, "not valid");
    }

    [Fact]
    public async Task Reader_CannotIngestDeleteOrCleanUp()
    {
        var reader = factory.ClientFor(ApiFactory.T1Reader);
        var taskId = await factory.ClientFor(ApiFactory.T1Writer).CreateTraceAsync();

        (await reader.PostJsonAsync("/api/v1/traces", "{}")).AssertError(HttpStatusCode.Forbidden, "reader");
        (await reader.PostJsonAsync($"/api/v1/traces/{taskId}/events", """{"events":[{"event_type":"node_started"}]}""")).AssertError(HttpStatusCode.Forbidden, "reader");
        (await reader.PostJsonAsync($"/api/v1/traces/{taskId}/complete", """{"status":"completed"}""")).AssertError(HttpStatusCode.Forbidden, "reader");
        (await reader.SendAsync(HttpMethod.Delete, $"/api/v1/traces/{taskId}")).AssertError(HttpStatusCode.Forbidden, "reader");
        (await reader.PostJsonAsync("/api/v1/traces/cleanup", """{"days":0}""")).AssertError(HttpStatusCode.Forbidden, "reader");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetJsonAsync($"/api/v1/traces/{taskId}/summary")).Status);
    }

    [Fact]
    public async Task Writer_CannotCleanUp()
    {
        (await factory.ClientFor(ApiFactory.T1Writer).PostJsonAsync("/api/v1/traces/cleanup", """{"days":0}""")).AssertError(HttpStatusCode.Forbidden, "writer");
    }

    [Fact]
    public async Task UnknownApiRoute_IsNotFoundEnvelope()
    {
        (await factory.ClientFor(ApiFactory.T1Reader).GetJsonAsync("/api/v1/nothing-here")).AssertError(HttpStatusCode.NotFound, "no route");
    }
}
