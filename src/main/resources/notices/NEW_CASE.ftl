【新案件交办】${caseNumber} ${title}

【新案件交办】${caseNumber}
问题：${title}（${categoryName}，${severityLabel}）
地点：${address}
牵头单位：${leadUnitName}<#if coUnitNames?has_content>；配合单位：${coUnitNames}</#if>
整改时限：${deadlineText}
请及时签收并在时限内整改到位。
