#!/usr/bin/env python3
"""The library's import graph (src/ modules but the CLI) and its circles: each
module -> the crate:: modules it imports, then the strongly connected
components larger than one (Tarjan). Run from the repository root:
    python3 scripts/import-graph.py
"""
import re,pathlib,sys,itertools
root=pathlib.Path('src')
mods={}
for f in root.rglob('*.rs'):
    rel=f.relative_to(root).parts
    if rel[0] in ('cli','main.rs','lib.rs'): continue
    name=rel[0].replace('.rs','')
    if name.endswith('_tests'): continue
    text=f.read_text()
    text=re.sub(r'#\[cfg\(test\)\]\s*mod tests\s*\{.*','',text,flags=re.S)
    deps=set()
    for m in re.finditer(r'crate::(\{[^}]*\}|[a-z_]+)',text):
        g=m.group(1)
        if g.startswith('{'):
            deps|=set(re.findall(r'(?:^|[{,\s])([a-z_]+)(?=::|[,}\s])',g))
        else: deps.add(g)
    mods.setdefault(name,set()).update(d for d in deps if d!=name)
known=set(mods)
g={k:sorted(v&known) for k,v in mods.items()}
# find cycles via Tarjan SCC
idx={};low={};st=[];on=set();sccs=[];c=[0]
def sc(v):
    idx[v]=low[v]=c[0];c[0]+=1;st.append(v);on.add(v)
    for w in g[v]:
        if w not in idx: sc(w);low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],idx[w])
    if low[v]==idx[v]:
        comp=[]
        while True:
            w=st.pop();on.discard(w);comp.append(w)
            if w==v:break
        sccs.append(comp)
for v in g:
    if v not in idx: sc(v)
for k in sorted(g): print(f"{k} -> {', '.join(g[k])}")
cyc=[s for s in sccs if len(s)>1]
print("circles:",cyc if cyc else "none")
