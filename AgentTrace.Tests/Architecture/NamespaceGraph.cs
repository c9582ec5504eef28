using Mono.Cecil;

namespace AgentTrace.Tests.Architecture;

/// <summary>
/// Which of the product's namespaces use which, read from the compiled assemblies: every type a type names in its
/// signatures, attributes and method bodies (closures and state machines count for the type that declares them).
/// </summary>
public sealed class NamespaceGraph
{
    private readonly Dictionary<string, HashSet<string>> _uses = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), string> _example = [];

    private NamespaceGraph()
    {
    }

    /// <summary>Namespace → the other product namespaces it uses.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Uses => _uses;

    public static NamespaceGraph Read(params System.Reflection.Assembly[] assemblies)
    {
        var graph = new NamespaceGraph();
        foreach (var assembly in assemblies)
        {
            using var module = ModuleDefinition.ReadModule(assembly.Location);
            foreach (var type in module.Types)
            {
                if (type.Namespace.StartsWith("AgentTrace.", StringComparison.Ordinal))
                {
                    graph.AddType(type.Namespace, type, type);
                }
            }
        }

        return graph;
    }

    /// <summary>A type of <paramref name="from"/> that uses <paramref name="to"/>, and what it uses, for messages.</summary>
    public string Example(string from, string to) => _example.GetValueOrDefault((from, to), "");

    /// <summary>Every set of namespaces that use each other, directly or round about (Tarjan's strongly connected components).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in _uses.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    cycles.Add(component);
                }
            }
        }

        foreach (var node in _uses.Keys.Order(StringComparer.Ordinal).ToList())
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    private void AddType(string ns, TypeDefinition owner, TypeDefinition type)
    {
        _uses.TryAdd(ns, new HashSet<string>(StringComparer.Ordinal));
        Add(ns, owner, type.BaseType);
        foreach (var i in type.Interfaces)
        {
            Add(ns, owner, i.InterfaceType);
        }

        AddAttributes(ns, owner, type);
        foreach (var field in type.Fields)
        {
            Add(ns, owner, field.FieldType);
            AddAttributes(ns, owner, field);
        }

        foreach (var property in type.Properties)
        {
            Add(ns, owner, property.PropertyType);
            AddAttributes(ns, owner, property);
        }

        foreach (var method in type.Methods)
        {
            AddMethod(ns, owner, method);
        }

        foreach (var nested in type.NestedTypes)
        {
            AddType(ns, owner, nested);
        }
    }

    private void AddMethod(string ns, TypeDefinition owner, MethodDefinition method)
    {
        Add(ns, owner, method.ReturnType);
        AddAttributes(ns, owner, method);
        foreach (var parameter in method.Parameters)
        {
            Add(ns, owner, parameter.ParameterType);
        }

        if (!method.HasBody)
        {
            return;
        }

        foreach (var variable in method.Body.Variables)
        {
            Add(ns, owner, variable.VariableType);
        }

        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference t:
                    Add(ns, owner, t);
                    break;
                case MethodReference m:
                    Add(ns, owner, m.DeclaringType);
                    Add(ns, owner, m.ReturnType);
                    if (m is GenericInstanceMethod generic)
                    {
                        foreach (var argument in generic.GenericArguments)
                        {
                            Add(ns, owner, argument);
                        }
                    }

                    break;
                case FieldReference f:
                    Add(ns, owner, f.DeclaringType);
                    break;
            }
        }
    }

    private void AddAttributes(string ns, TypeDefinition owner, ICustomAttributeProvider provider)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            Add(ns, owner, attribute.AttributeType);
        }
    }

    private void Add(string ns, TypeDefinition owner, TypeReference? type)
    {
        switch (type)
        {
            case null:
                return;
            case GenericInstanceType generic:
                Add(ns, owner, generic.ElementType);
                foreach (var argument in generic.GenericArguments)
                {
                    Add(ns, owner, argument);
                }

                return;
            case TypeSpecification specification:
                Add(ns, owner, specification.ElementType);
                return;
        }

        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        var used = outer.Namespace;
        if (used != ns && used.StartsWith("AgentTrace.", StringComparison.Ordinal) && _uses[ns].Add(used))
        {
            _example[(ns, used)] = $"{owner.FullName} uses {outer.FullName}";
        }
    }
}
