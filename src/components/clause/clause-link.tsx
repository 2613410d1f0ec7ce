import { View } from '@tarojs/components';
import type { Source } from '../../core/round/round.schema';
import './clause.scss';

/** 依据：第 X 条 ›, a full-height touch target that opens the clause. */
export function ClauseLink({ source, onClause }: { source: Source; onClause: (source: Source) => void }) {
  return (
    <View className='clause-link' hoverClass='clause-link--pressed' role='button' aria-label={`查看通知原文第${source.clause}条`} onClick={() => onClause(source)}>
      依据：第 {source.clause} 条 ›
    </View>
  );
}
