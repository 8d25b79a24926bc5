【每日待办】${unitName} ${date}

【每日待办】${unitName} ${date}
今日到期 ${due?size} 件<#list due as c>
- ${c.caseNumber} ${c.title}（时限 ${c.deadlineText}）</#list>
已超期 ${overdue?size} 件<#list overdue as c>
- ${c.caseNumber} ${c.title}（时限 ${c.deadlineText}）</#list>
昨日新交办 ${fresh?size} 件<#list fresh as c>
- ${c.caseNumber} ${c.title}（时限 ${c.deadlineText}）</#list>
