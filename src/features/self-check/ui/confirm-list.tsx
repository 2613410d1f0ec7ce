import { Text, View } from '@tarojs/components';
import type { ConfirmItem } from '../../../core/eligibility/result.summary';
import type { Source } from '../../../core/round/round.schema';
import { ClauseLink } from '../../../components/clause/clause-link';
import './result.scss';

/**
 * Every open question once: what to find out, the person's own facts to hold against it, the
 * clause. Questions the person can answer are asked; conditions only a document settles are said
 * once, as something to check with the unit or the HR office, with the numbers the round lists.
 */
export function ConfirmList({ items, contacts, onClause }: { items: readonly ConfirmItem[]; contacts: readonly string[]; onClause: (source: Source) => void }) {
  const answers = items.filter((i) => i.kind === 'answer');
  const documents = items.filter((i) => i.kind === 'document');
  if (items.length === 0) return null;
  // One card, two parts: what to answer, then what to check.
  return (
    <View className='confirm'>
      <ItemList title={`还需要您确认（${answers.length}）`} hint='答过“不确定”的，可点下方“修改回答”补上。' items={answers} onClause={onClause} />
      <ItemList
        title={`还要向单位或人社部门核实（${documents.length}）`}
        hint={`本通知没有写明，不用在这里回答：请对照评审条件，或问单位人事${contacts.length > 0 ? `、${contacts.join('；')}` : ''}。`}
        items={documents}
        onClause={onClause}
      />
    </View>
  );
}

function ItemList({ title, hint, items, onClause }: { title: string; hint: string; items: readonly ConfirmItem[]; onClause: (source: Source) => void }) {
  if (items.length === 0) return null;
  // The same facts serve several documents' conditions: shown once, then pointed to.
  const firstWithFacts = new Map<string, number>();
  items.forEach((item, i) => {
    const key = item.ownFacts.join('|');
    if (key !== '' && !firstWithFacts.has(key)) firstWithFacts.set(key, i);
  });
  return (
    <View className='confirm__part'>
      <Text className='confirm__title'>{title}</Text>
      <Text className='confirm__hint'>{hint}</Text>
      {items.map((item, i) => (
        <View key={item.what} className='confirm__item'>
          <Text className='confirm__what'>
            {i + 1}. {item.what}
          </Text>
          {item.ownFacts.length > 0 && firstWithFacts.get(item.ownFacts.join('|')) !== i ? (
            <Text className='confirm__facts-title'>按您的回答：见第 {(firstWithFacts.get(item.ownFacts.join('|')) ?? 0) + 1} 项。</Text>
          ) : null}
          {item.ownFacts.length > 0 && firstWithFacts.get(item.ownFacts.join('|')) === i ? (
            <View className='confirm__facts'>
              <Text className='confirm__facts-title'>按您的回答：</Text>
              {item.ownFacts.map((fact) => (
                <Text key={fact} className='confirm__fact'>
                  {fact}
                </Text>
              ))}
            </View>
          ) : null}
          <ClauseLink source={item.source} onClause={onClause} />
        </View>
      ))}
    </View>
  );
}
